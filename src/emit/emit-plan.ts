/** What the compiler wants written: paths and contents, in a deterministic order. Only io/write-plan.ts writes. */
export interface EmitFile {
  /** Absolute path. */
  readonly path: string;
  readonly contents: string;
}

export type EmitPlan = readonly EmitFile[];

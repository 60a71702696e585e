/** Terraform type constraints, as a small model (read from the HCL parser's expression AST). */
export type TfType =
  | { readonly kind: 'string' | 'number' | 'bool' | 'any' }
  | { readonly kind: 'list' | 'set' | 'map'; readonly element: TfType }
  | { readonly kind: 'object'; readonly attributes: Readonly<Record<string, TfAttribute>> }
  | { readonly kind: 'tuple'; readonly elements: readonly TfType[] };

export interface TfAttribute {
  readonly type: TfType;
  readonly optional: boolean;
  readonly default?: unknown;
}

/** One `variable` block of a component. */
export interface TfVariable {
  readonly name: string;
  /** The `.tf` file that declares it, relative to the repository. */
  readonly file: string;
  readonly type: TfType;
  readonly description?: string;
  readonly hasDefault: boolean;
  readonly default?: unknown;
  /** Terraform's default is true: null is accepted. */
  readonly nullable: boolean;
  /** Validation rules that translate to JSON Schema. */
  readonly allowed?: readonly unknown[];
  readonly pattern?: string;
}

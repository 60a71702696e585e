/** Types of the benchmark's organisation generator (generate.mjs), for tests that reuse it. */
export interface Preset {
  readonly tenants: number;
  readonly stages: number;
  readonly regions: number;
  readonly components: number;
}
export const PRESETS: Record<'small' | 'medium' | 'large', Preset>;
export function generate(root: string, preset: Preset): void;

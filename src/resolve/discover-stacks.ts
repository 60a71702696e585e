import picomatch from 'picomatch';
import { compareWalkOrder } from './host.js';
import { normalize } from './paths.js';

export interface DiscoverOptions {
  readonly includedPaths: readonly string[];
  readonly excludedPaths: readonly string[];
  /** Absolute stacks base path, to accept absolute patterns too. */
  readonly stacksBasePath: string;
}

/**
 * Top-level stack manifests = files matched by `included_paths` − files matched by `excluded_paths`
 * (spec §1.4, §2.2). An include pattern without an extension is tried with .yaml, .yml, .yaml.tmpl and
 * .yml.tmpl. Every file stays a top-level stack even if another file imports it.
 */
export function discoverStacks(files: readonly string[], options: DiscoverOptions): string[] {
  const include = options.includedPaths.flatMap((p) => withExtensions(relative(p, options.stacksBasePath)));
  const exclude = options.excludedPaths.map((p) => relative(p, options.stacksBasePath));
  if (include.length === 0) return [];
  const isIncluded = picomatch(include, { dot: true });
  const isExcluded = exclude.length > 0 ? picomatch(exclude, { dot: true }) : () => false;
  return files.filter((f) => isIncluded(f) && !isExcluded(f)).sort(compareWalkOrder);
}

function relative(pattern: string, base: string): string {
  const p = pattern.replace(/\\/g, '/');
  const b = base.replace(/\\/g, '/').replace(/\/$/, '');
  if (p.startsWith(`${b}/`)) return p.slice(b.length + 1);
  // Exclude patterns such as "**/_defaults.yaml" are matched against absolute paths in Atmos;
  // a leading "**/" also matches at the root of the stacks folder here.
  return p.startsWith('/') ? p : normalizeGlob(p);
}

function normalizeGlob(p: string): string {
  return p.startsWith('**/') ? p : normalize(p) || p;
}

function withExtensions(pattern: string): string[] {
  const base = pattern.slice(pattern.lastIndexOf('/') + 1);
  if (base.includes('.')) return [pattern];
  return ['.yaml', '.yml', '.yaml.tmpl', '.yml.tmpl'].map((ext) => pattern + ext);
}

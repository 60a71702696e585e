/**
 * What the pure compiler needs from the outside world to load stacks. The io layer implements it
 * over the file system (src/io/stack-host.ts); tests implement it over an in-memory tree.
 */
export interface StackHost {
  /** Every file under the stacks base path: relative, `/`-separated, in directory-walk order. */
  listFiles(): readonly string[];
  /** Text of a file given relative to the stacks base path (may start with `../`); undefined when missing. */
  readFile(relativePath: string): string | undefined;
  /** Whether a folder exists, relative to the base path (used for legacy `component:` folders). */
  componentFolderExists?(relativeFolder: string): boolean;
}

/** Directory-walk order (Go's filepath.WalkDir): compare path segment by segment. */
export function compareWalkOrder(a: string, b: string): number {
  const sa = a.split('/');
  const sb = b.split('/');
  const n = Math.min(sa.length, sb.length);
  for (let i = 0; i < n; i++) {
    const x = sa[i]!;
    const y = sb[i]!;
    if (x !== y) return x < y ? -1 : 1;
  }
  return sa.length - sb.length;
}

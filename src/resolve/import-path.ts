import picomatch from 'picomatch';
import type { StackHost } from './host.js';
import { dirname, joinPath, normalize } from './paths.js';

const EXTENSIONS = ['.yaml', '.yml', '.yaml.tmpl', '.yml.tmpl'];

export interface FileIndex {
  readonly host: StackHost;
  readonly files: readonly string[];
  readonly set: ReadonlySet<string>;
}

export function fileIndex(host: StackHost): FileIndex {
  const files = host.listFiles();
  return { host, files, set: new Set(files) };
}

function exists(index: FileIndex, path: string): boolean {
  if (index.set.has(path)) return true;
  // Paths outside the stacks folder are not in the listing.
  return path.startsWith('../') && index.host.readFile(path) !== undefined;
}

export function isGlob(path: string): boolean {
  return /[*?[{]/.test(path);
}

/**
 * Resolves an import path written in `importer` to manifest paths (relative to the stacks base path),
 * in the order Atmos merges them (spec §3.2). An empty list means nothing matched.
 */
export function resolveImportPath(index: FileIndex, importer: string, written: string): string[] {
  const first = written.split('/')[0];
  const joined = first === '.' || first === '..' ? joinPath(dirname(importer), written) : normalize(written);
  const path = withExtension(index, joined);
  if (isGlob(path)) {
    const match = picomatch(path, { dot: true });
    return index.files.filter((f) => match(f));
  }
  return exists(index, path) ? [path] : [];
}

/** Extension rules of spec §3.2: no extension tries .yaml, .yml, .yaml.tmpl, .yml.tmpl, else appends .yaml. */
function withExtension(index: FileIndex, path: string): string {
  const base = path.slice(path.lastIndexOf('/') + 1);
  const dot = base.lastIndexOf('.');
  const ext = dot < 0 ? '' : base.slice(dot);
  if (ext === '') {
    for (const candidate of EXTENSIONS) if (exists(index, path + candidate)) return path + candidate;
    return `${path}.yaml`;
  }
  if ((ext === '.yaml' || ext === '.yml') && exists(index, `${path}.tmpl`)) return `${path}.tmpl`;
  return path;
}

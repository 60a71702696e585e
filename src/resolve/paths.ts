/** Pure POSIX path helpers for stack-relative paths (`/`-separated). */
export function normalize(path: string): string {
  const out: string[] = [];
  for (const part of path.split('/')) {
    if (part === '' || part === '.') continue;
    if (part === '..' && out.length > 0 && out[out.length - 1] !== '..') out.pop();
    else out.push(part);
  }
  return out.join('/');
}

export function dirname(path: string): string {
  const i = path.lastIndexOf('/');
  return i < 0 ? '' : path.slice(0, i);
}

export function joinPath(...parts: string[]): string {
  return normalize(parts.filter((p) => p !== '').join('/'));
}

/** Stack-file identity: `.yaml` trimmed, then `.yml` (spec §2.3); `.yaml.tmpl` keeps its suffix. */
export function stackFileName(file: string): string {
  if (file.endsWith('.yaml')) return file.slice(0, -5);
  if (file.endsWith('.yml')) return file.slice(0, -4);
  return file;
}

/** Import key: the last extension trimmed (Atmos uses filepath.Ext). */
export function importKey(file: string): string {
  const slash = file.lastIndexOf('/');
  const dot = file.lastIndexOf('.');
  return dot > slash + 1 ? file.slice(0, dot) : file;
}

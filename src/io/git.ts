import { execaSync } from 'execa';
import type { StackHost } from '../resolve/host.js';
import { compareWalkOrder } from '../resolve/host.js';

/** Runs git in `cwd`; undefined when it fails. */
function git(cwd: string, args: readonly string[]): string | undefined {
  const r = execaSync('git', [...args], {
    cwd,
    reject: false,
    stripFinalNewline: false,
    maxBuffer: 512 * 1024 * 1024,
  });
  return r.exitCode === 0 ? String(r.stdout) : undefined;
}

export function gitRoot(cwd: string): string | undefined {
  return git(cwd, ['rev-parse', '--show-toplevel'])?.trim();
}

export function resolveRef(cwd: string, ref: string): string | undefined {
  return git(cwd, ['rev-parse', '--verify', '--quiet', `${ref}^{commit}`])?.trim();
}

/** The merge base of HEAD with the default branch (origin/HEAD, else main, else master). */
export function defaultBase(cwd: string): string | undefined {
  for (const candidate of ['origin/HEAD', 'origin/main', 'main', 'origin/master', 'master']) {
    if (!resolveRef(cwd, candidate)) continue;
    const base = git(cwd, ['merge-base', 'HEAD', candidate])?.trim();
    if (base) return base;
  }
  return undefined;
}

/** Files changed between `base` and the working tree (committed or not, plus untracked), relative to the git root. */
export function changedFiles(cwd: string, base: string): string[] {
  const tracked = git(cwd, ['diff', '--name-only', base])?.split('\n') ?? [];
  const untracked =
    git(cwd, ['ls-files', '--others', '--exclude-standard', '--full-name'])?.split('\n') ?? [];
  return [...new Set([...tracked, ...untracked].filter(Boolean))].sort();
}

/**
 * The stacks folder as it was at a commit, read through git (no second checkout on disk): one
 * `ls-tree` for the listing, and `cat-file --batch` for the file contents.
 */
export function gitStackHost(
  root: string,
  commit: string,
  stacksRel: string,
  componentsRel: string,
): StackHost {
  const prefix = stacksRel === '' ? '' : `${stacksRel}/`;
  const listing = (
    git(root, ['ls-tree', '-r', '--name-only', '--full-tree', commit, '--', stacksRel || '.']) ?? ''
  )
    .split('\n')
    .filter(Boolean);
  const files = listing.map((f) => f.slice(prefix.length)).sort(compareWalkOrder);
  const componentDirs = new Set(
    (
      git(root, ['ls-tree', '-r', '-d', '--name-only', '--full-tree', commit, '--', componentsRel || '.']) ??
      ''
    )
      .split('\n')
      .filter(Boolean),
  );
  // Every stack file in one `git cat-file --batch` (a process per file costs seconds at scale).
  const texts = readBlobs(
    root,
    listing.map((f) => `${commit}:${f}`),
  );
  const byRel = new Map<string, string | undefined>();
  listing.forEach((f, i) => byRel.set(f.slice(prefix.length), texts[i]));
  return {
    listFiles: () => files,
    readFile(rel) {
      if (!byRel.has(rel)) byRel.set(rel, git(root, ['show', `${commit}:${normalize(prefix + rel)}`]));
      return byRel.get(rel);
    },
    componentFolderExists: (folder) =>
      componentDirs.has(normalize(`${componentsRel}/${folder.split('/').slice(1).join('/')}`)),
  };
}

function normalize(path: string): string {
  const out: string[] = [];
  for (const p of path.split('/')) {
    if (p === '' || p === '.') continue;
    if (p === '..') out.pop();
    else out.push(p);
  }
  return out.join('/');
}

/** The contents of several `<rev>:<path>` objects from one `git cat-file --batch`; undefined if missing. */
function readBlobs(root: string, objects: readonly string[]): (string | undefined)[] {
  if (objects.length === 0) return [];
  const r = execaSync('git', ['cat-file', '--batch'], {
    cwd: root,
    input: `${objects.join('\n')}\n`,
    encoding: 'buffer',
    reject: false,
    maxBuffer: 1 << 30,
  });
  if (r.exitCode !== 0) return objects.map(() => undefined);
  const out: (string | undefined)[] = [];
  const bytes = Buffer.from(r.stdout);
  let at = 0;
  for (let i = 0; i < objects.length; i++) {
    const eol = bytes.indexOf(10, at);
    if (eol < 0) break;
    const header = bytes.toString('utf8', at, eol).split(' ');
    at = eol + 1;
    if (header[1] !== 'blob') {
      out.push(undefined);
      continue;
    }
    const size = Number(header[2]);
    out.push(bytes.toString('utf8', at, at + size));
    at += size + 1;
  }
  while (out.length < objects.length) out.push(undefined);
  return out;
}

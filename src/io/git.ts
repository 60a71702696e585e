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
  const texts = new Map<string, string | undefined>();
  return {
    listFiles: () => files,
    readFile(rel) {
      if (!texts.has(rel)) texts.set(rel, git(root, ['show', `${commit}:${normalize(prefix + rel)}`]));
      return texts.get(rel);
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

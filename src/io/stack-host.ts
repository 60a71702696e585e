import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { StackHost } from '../resolve/host.js';
import { isDirectory } from './config-probe.js';

const SKIP_DIRS = new Set(['.git', 'node_modules', '.terraform']);

/** The file system behind the compiler: one walk of the stacks folder, every file read at most once. */
export function fileSystemHost(stacksBasePath: string, componentsBasePath: string): StackHost {
  const texts = new Map<string, string | undefined>();
  let files: string[] | undefined;
  return {
    listFiles() {
      files ??= walk(stacksBasePath, '');
      return files;
    },
    readFile(relativePath) {
      if (texts.has(relativePath)) return texts.get(relativePath);
      let text: string | undefined;
      try {
        text = readFileSync(join(stacksBasePath, relativePath), 'utf8');
      } catch {
        text = undefined;
      }
      texts.set(relativePath, text);
      return text;
    },
    componentFolderExists(relativeFolder) {
      // relativeFolder is `<type>/<folder>`; terraform components live under components.terraform.base_path.
      const [type, ...rest] = relativeFolder.split('/');
      return type === 'terraform' ? isDirectory(join(componentsBasePath, ...rest)) : true;
    },
  };
}

/** Directory-walk order: entries sorted by name, folders descended where they sort. */
function walk(root: string, prefix: string): string[] {
  let entries;
  try {
    entries = readdirSync(join(root, prefix), { withFileTypes: true });
  } catch {
    return [];
  }
  entries.sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
  const out: string[] = [];
  for (const e of entries) {
    const rel = prefix === '' ? e.name : `${prefix}/${e.name}`;
    if (e.isDirectory()) {
      if (!SKIP_DIRS.has(e.name)) out.push(...walk(root, rel));
    } else if (e.isFile() || e.isSymbolicLink()) {
      out.push(rel);
    }
  }
  return out;
}

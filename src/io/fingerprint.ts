/** Hashes of inputs the validation records depend on besides the stack files (validation-index.ts). */
import { hash } from 'node:crypto';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';

/**
 * A hash of what readTerraformModule (terraform-module.ts) reads (the names and contents of the folder's `*.tf` files);
 * null when the folder is missing or has none.
 */
export function moduleFingerprint(basePath: string, folder: string): string | null {
  const dir = join(basePath, folder);
  let files: string[];
  try {
    files = readdirSync(dir)
      .filter((f) => f.endsWith('.tf'))
      .sort();
  } catch {
    return null;
  }
  if (files.length === 0) return null;
  const parts: string[] = [];
  for (const name of files) {
    try {
      parts.push(name, hash('sha1', readFileSync(join(dir, name)), 'hex'));
    } catch {
      parts.push(name, '');
    }
  }
  return hash('sha1', parts.join('\u0000'), 'hex');
}

/** A hash of a file's path and contents; null when it cannot be read. */
export function fileFingerprint(path: string): string | null {
  try {
    return hash('sha1', `${path}\u0000${hash('sha1', readFileSync(path), 'hex')}`, 'hex');
  } catch {
    return null;
  }
}

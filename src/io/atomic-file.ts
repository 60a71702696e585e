/**
 * Writes a file whole or not at all: to a temporary file in the same folder, then renamed over the
 * target, so a failure or a concurrent reader never sees half a file. Throws what the file system
 * throws, after removing the temporary file.
 */
import { randomBytes } from 'node:crypto';
import { rmSync, renameSync, writeFileSync } from 'node:fs';
import { basename, dirname, join } from 'node:path';

export function writeFileAtomically(path: string, contents: string | Uint8Array): void {
  const temp = join(dirname(path), `.${basename(path)}.${process.pid}.${randomBytes(4).toString('hex')}.tmp`);
  try {
    writeFileSync(temp, contents);
    renameSync(temp, path);
  } catch (e) {
    rmSync(temp, { force: true });
    throw e;
  }
}

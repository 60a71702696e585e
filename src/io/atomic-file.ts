/**
 * Writes a file whole or not at all: to a temporary file in the same folder, then renamed over the
 * target, so a failure or a concurrent reader never sees half a file. Throws what the file system
 * throws, after removing the temporary file.
 */
import { randomBytes } from 'node:crypto';
import { closeSync, openSync, rmSync, renameSync, writeFileSync, writevSync } from 'node:fs';
import { basename, dirname, join } from 'node:path';

/** `contents` may be given in pieces (written in order, never joined in memory: cache entries). */
export function writeFileAtomically(
  path: string,
  contents: string | Uint8Array | readonly Uint8Array[],
): void {
  const temp = join(dirname(path), `.${basename(path)}.${process.pid}.${randomBytes(4).toString('hex')}.tmp`);
  try {
    if (typeof contents === 'string' || contents instanceof Uint8Array) writeFileSync(temp, contents);
    else writePieces(temp, contents);
    renameSync(temp, path);
  } catch (e) {
    rmSync(temp, { force: true });
    throw e;
  }
}

function writePieces(path: string, pieces: readonly Uint8Array[]): void {
  const fd = openSync(path, 'w');
  try {
    const total = pieces.reduce((n, p) => n + p.length, 0);
    let written = 0;
    while (written < total) {
      // A short write (rare: a full disk, a signal) continues where it stopped.
      let skip = written;
      const rest: Uint8Array[] = [];
      for (const p of pieces) {
        if (skip >= p.length) skip -= p.length;
        else {
          rest.push(skip > 0 ? p.subarray(skip) : p);
          skip = 0;
        }
      }
      written += writevSync(fd, rest);
    }
  } finally {
    closeSync(fd);
  }
}

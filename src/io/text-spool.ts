/**
 * A TextSpool in a temporary file: texts are appended (buffered, written a megabyte at a time) and read
 * back by offset. The file is removed as soon as it is open where the system allows it (POSIX), and in
 * any case when the spool is closed, so an interrupted run leaves nothing behind.
 */
import { closeSync, mkdtempSync, openSync, readSync, rmSync, unlinkSync, writeSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { TextSpool } from '../describe/spooled-stacks.js';

export interface FileSpool extends TextSpool {
  close(): void;
}

const FLUSH_AT = 1 << 20;

export function fileSpool(dir: string = tmpdir()): FileSpool {
  const folder = mkdtempSync(join(dir, 'strata-spool-'));
  const path = join(folder, 'spool');
  const fd = openSync(path, 'w+', 0o600);
  try {
    unlinkSync(path);
    rmSync(folder, { recursive: true, force: true });
  } catch {
    // Windows keeps an open file: removed at close
  }
  const offsets: number[] = [];
  const lengths: number[] = [];
  let pending: Buffer[] = [];
  let pendingBytes = 0;
  let written = 0;
  const flush = () => {
    if (pendingBytes === 0) return;
    const chunk = Buffer.concat(pending, pendingBytes);
    let done = 0;
    while (done < chunk.length) done += writeSync(fd, chunk, done, chunk.length - done, written + done);
    written += chunk.length;
    pending = [];
    pendingBytes = 0;
  };
  return {
    put(text) {
      const bytes = Buffer.from(text, 'utf8');
      offsets.push(written + pendingBytes);
      lengths.push(bytes.length);
      pending.push(bytes);
      pendingBytes += bytes.length;
      if (pendingBytes >= FLUSH_AT) flush();
      return offsets.length - 1;
    },
    get(handle) {
      flush();
      const length = lengths[handle]!;
      const buffer = Buffer.allocUnsafe(length);
      let done = 0;
      while (done < length) {
        const n = readSync(fd, buffer, done, length - done, offsets[handle]! + done);
        if (n === 0) throw new Error('the describe stacks spool file was truncated');
        done += n;
      }
      return buffer;
    },
    close() {
      closeSync(fd);
      rmSync(folder, { recursive: true, force: true });
    },
  };
}

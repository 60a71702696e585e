/**
 * TextSpools in temporary files: texts are appended (buffered, written a megabyte at a time) and read
 * back by offset. `fileSpool()` removes its file as soon as it is open where the system allows it
 * (POSIX), and in any case when closed, so an interrupted run leaves nothing behind. A worker thread
 * writes its part of `describe stacks` into a spool at a path the main thread chose
 * (`sharedSpoolWriter`), and the main thread reads it back (`sharedSpoolReader`).
 */
import { closeSync, mkdtempSync, openSync, readSync, rmSync, unlinkSync, writeSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { TextSpool } from '../describe/spooled-stacks.js';

export interface FileSpool extends TextSpool {
  close(): void;
}

/** Where each text lies in a spool file, by handle. */
export interface SpoolLayout {
  readonly offsets: readonly number[];
  readonly lengths: readonly number[];
}

const FLUSH_AT = 1 << 20;

/** A spool in a file of its own, gone once open (or closed). */
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
  const spool = spoolOn(fd);
  return {
    put: (text) => spool.put(text),
    get: (handle) => spool.get(handle),
    close() {
      closeSync(fd);
      rmSync(folder, { recursive: true, force: true });
    },
  };
}

/** A folder for the spools of worker threads; the caller removes it. */
export function spoolFolder(dir: string = tmpdir()): string {
  return mkdtempSync(join(dir, 'strata-spool-'));
}

/** Appends texts to the file at `path` (a worker's part); `finish` flushes, closes and gives the layout. */
export function sharedSpoolWriter(path: string): TextSpool & { finish(): SpoolLayout } {
  const fd = openSync(path, 'wx', 0o600);
  const spool = spoolOn(fd);
  return {
    put: (text) => spool.put(text),
    get: (handle) => spool.get(handle),
    finish() {
      spool.flush();
      closeSync(fd);
      return spool.layout;
    },
  };
}

/** Reads back a spool another thread wrote (see sharedSpoolWriter). */
export function sharedSpoolReader(path: string, layout: SpoolLayout): FileSpool {
  const fd = openSync(path, 'r');
  return {
    put() {
      throw new Error('a shared spool is read-only');
    },
    get: (handle) => readAt(fd, layout.offsets[handle]!, layout.lengths[handle]!),
    close: () => closeSync(fd),
  };
}

function spoolOn(fd: number): TextSpool & { flush(): void; readonly layout: SpoolLayout } {
  const offsets: number[] = [];
  const lengths: number[] = [];
  let pending: Uint8Array[] = [];
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
    layout: { offsets, lengths },
    flush,
    put(text) {
      // Bytes (texts kept by the compile cache) are spooled as they are, not decoded and encoded again.
      const bytes = typeof text === 'string' ? Buffer.from(text, 'utf8') : text;
      offsets.push(written + pendingBytes);
      lengths.push(bytes.length);
      pending.push(bytes);
      pendingBytes += bytes.length;
      if (pendingBytes >= FLUSH_AT) flush();
      return offsets.length - 1;
    },
    get(handle) {
      flush();
      return readAt(fd, offsets[handle]!, lengths[handle]!);
    },
  };
}

function readAt(fd: number, offset: number, length: number): Buffer {
  const buffer = Buffer.allocUnsafe(length);
  let done = 0;
  while (done < length) {
    const n = readSync(fd, buffer, done, length - done, offset + done);
    if (n === 0) throw new Error('a describe stacks spool file was truncated');
    done += n;
  }
  return buffer;
}

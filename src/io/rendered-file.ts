/**
 * The texts `describe stacks` rendered from one cache entry's instances, kept in a file beside the
 * entry (`<entry>.r<key digest>`), so that a run with nothing changed copies them instead of reading
 * the sections and printing them again. The file names its entry (by content: an entry rewritten in
 * place for other environment values is another entry) and key, and the digest of its texts;
 * anything else (cut short, damaged, another program's) is not trusted: undefined.
 */
import { readFileSync } from 'node:fs';
import { createHash } from 'node:crypto';
import type { RenderedTexts } from '../compile/compile-cache.js';
import { writeFileAtomically } from './atomic-file.js';
import { isList } from './json-tables.js';

const MAGIC = Buffer.from('STRATA-RENDERED-1\n');

interface RenderedHeader {
  readonly entry: string;
  readonly key: string;
  readonly keys: readonly string[];
  readonly lengths: readonly number[];
  readonly hash: string;
}

/** Writes the texts of `entry` (the entry's identity: its header's digest) for `key`; a failure only costs speed. */
export function writeRendered(path: string, entry: string, key: string, rendered: RenderedTexts): void {
  const bodies = rendered.texts.map((t) => (typeof t === 'string' ? Buffer.from(t, 'utf8') : t));
  const hash = createHash('sha1');
  for (const b of bodies) hash.update(b);
  const header: RenderedHeader = {
    entry,
    key,
    keys: rendered.keys,
    lengths: bodies.map((b) => b.length),
    hash: hash.digest('hex'),
  };
  const head = Buffer.from(JSON.stringify(header));
  const length = Buffer.alloc(4);
  length.writeUInt32LE(head.length);
  try {
    writeFileAtomically(path, [MAGIC, length, head, ...bodies]);
  } catch {
    // an unwritable cache folder only costs speed
  }
}

/** The texts at `path` if they are those of `entry` for `key`, whole and undamaged. */
export function readRendered(path: string, entry: string, key: string): RenderedTexts | undefined {
  try {
    const bytes = readFileSync(path);
    if (bytes.length < MAGIC.length + 4 || !bytes.subarray(0, MAGIC.length).equals(MAGIC)) return undefined;
    const headLength = bytes.readUInt32LE(MAGIC.length);
    const start = MAGIC.length + 4 + headLength;
    if (start > bytes.length) return undefined;
    const header = JSON.parse(bytes.subarray(MAGIC.length + 4, start).toString('utf8')) as RenderedHeader;
    if (
      header.entry !== entry ||
      header.key !== key ||
      !isList(header.keys) ||
      !isList(header.lengths) ||
      header.keys.length !== header.lengths.length ||
      header.lengths.some((n) => !Number.isInteger(n) || n < 0) ||
      start + header.lengths.reduce((a, b) => a + b, 0) !== bytes.length
    )
      return undefined;
    const body = bytes.subarray(start);
    if (createHash('sha1').update(body).digest('hex') !== header.hash) return undefined;
    const texts: Uint8Array[] = [];
    let at = 0;
    for (const n of header.lengths) {
      texts.push(body.subarray(at, at + n));
      at += n;
    }
    return { keys: header.keys, texts };
  } catch {
    return undefined;
  }
}

/**
 * Content digests of component sections, so that two instances can be compared section by section
 * (`describe affected`) without reading the sections themselves from the compile cache.
 */
import { createHash } from 'node:crypto';
import type { Value, ValueMap } from '../model/value.js';

/** The digest of a section that is not there. */
export const ABSENT = '-';

/** JSON with object keys sorted: equal for deeply equal values, whatever their key order. */
export function stableJson(value: unknown): string {
  if (value === undefined) return 'null';
  if (value === null || typeof value !== 'object') return JSON.stringify(value) ?? 'null';
  if (Array.isArray(value)) return `[${value.map(stableJson).join(',')}]`;
  const keys = Object.keys(value).sort();
  return `{${keys.map((k) => `${JSON.stringify(k)}:${stableJson((value as Record<string, unknown>)[k])}`).join(',')}}`;
}

export function digestOf(value: Value | undefined): string {
  return value === undefined ? ABSENT : createHash('sha1').update(stableJson(value)).digest('base64');
}

/** A digest for each top-level section. */
export function sectionDigests(section: ValueMap): Record<string, string> {
  return Object.fromEntries(Object.entries(section).map(([k, v]) => [k, digestOf(v)]));
}

/** The small sections a caller may need without the rest: which folder, which metadata, which files. */
export const PEEKED = ['component', 'metadata', 'dependencies'] as const;

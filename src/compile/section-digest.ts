/**
 * Content digests of component sections, so that two instances can be compared section by section
 * (`describe affected`) without reading the sections themselves from the compile cache.
 */
import { hash } from 'node:crypto';
import type { Value, ValueMap } from '../model/value.js';
import { isMap, stringInterner } from '../model/value.js';
import { sortKeys } from '../model/sort-keys.js';
import type { InstanceDetails } from './compile-cache.js';

/** The digest of a section that is not there. */
export const ABSENT = '-';

/** JSON with object keys sorted: equal for deeply equal values, whatever their key order. */
export function stableJson(value: unknown): string {
  return JSON.stringify(sortKeys(value)) ?? 'null';
}

/**
 * A value's digest: its sorted JSON itself when that is short (most scalars; base64 never starts
 * with `=`, so the two cannot meet), else the SHA-1 of it.
 */
export function digestOf(value: Value | undefined): string {
  if (value === undefined) return ABSENT;
  const json = stableJson(value);
  return json.length <= 40 ? `=${json}` : hash('sha1', json, 'base64');
}

/** A digest for each top-level section. */
export function sectionDigests(section: ValueMap): Record<string, string> {
  return Object.fromEntries(Object.entries(section).map(([k, v]) => [k, digestOf(v)]));
}

/** The small sections a caller may need without the rest: which folder, which metadata, which files. */
export const PEEKED = ['component', 'metadata', 'dependencies'] as const;

/**
 * What the compile caches keep of an instance besides its section: digests and the small sections.
 * Of an abstract instance, only that it is abstract and its folder (`component`, which `describe
 * stacks --components` matches): nothing compares or places one (describe affected skips them; see
 * detailsKeeper), and their digests were two thirds of the large preset's (a catalog entry's bases,
 * in every stack): 65 of an entry's 77 KB of details, read by every warm `describe affected`.
 */
export function instanceDetails(section: ValueMap): InstanceDetails {
  const metadata = section['metadata'];
  return isMap(metadata) && metadata['type'] === 'abstract'
    ? abstractDetails(section['component'])
    : { digests: sectionDigests(section), peeked: peekedSections(section) };
}

const ABSTRACT = Object.freeze({ type: 'abstract' });

function abstractDetails(component: Value | undefined): InstanceDetails {
  return { peeked: component === undefined ? { metadata: ABSTRACT } : { component, metadata: ABSTRACT } };
}

function peekedSections(section: ValueMap): ValueMap {
  return Object.fromEntries(PEEKED.filter((k) => k in section).map((k) => [k, section[k]!]));
}

/** Details as a cache holds them for the rest of a run (see detailsKeeper). */
export interface DetailsKeeper {
  (details: InstanceDetails): InstanceDetails;
  /**
   * Stacks' details as kept, by the content hash of what was read: the two sides of `describe
   * affected` read the same entry for every stack the change does not reach, and hold one copy.
   */
  readonly blocks: Map<string, readonly InstanceDetails[]>;
}

/**
 * How a run's caches hold the details of every instance (describe affected holds both sides' at once):
 * each distinct digest string once, as an organisation's instances repeat most of them (a stack's
 * instances share its backend and settings; large bench preset: 4.8 million digests, 240,000
 * distinct), and no digests of abstract instances, which nothing compares (describe affected skips
 * them) and which are often most instances (a catalog entry's bases, in every stack). A digest asked
 * of an abstract instance is taken of its section, read or compiled again.
 */
export function detailsKeeper(): DetailsKeeper {
  const intern = stringInterner();
  const abstracts = new Map<string, InstanceDetails>();
  const keep = ({ digests, peeked }: InstanceDetails): InstanceDetails => {
    const metadata = peeked['metadata'];
    if (isMap(metadata) && metadata['type'] === 'abstract') {
      // One object for each folder: the large preset has 160,000 abstract instances on each side.
      const component = peeked['component'];
      const key = typeof component === 'string' ? component : JSON.stringify(component ?? null);
      let known = abstracts.get(key);
      if (!known) abstracts.set(key, (known = abstractDetails(component)));
      return known;
    }
    if (!digests) return { peeked };
    // Built with fromEntries: an object given 20 keys one computed key at a time turns into a hash
    // table, four times the size (864 bytes against 224).
    return {
      digests: Object.fromEntries(Object.entries(digests).map(([key, digest]) => [key, intern(digest)])),
      peeked,
    };
  };
  return Object.assign(keep, { blocks: new Map<string, readonly InstanceDetails[]>() });
}

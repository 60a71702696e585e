import type { CollectionTag, ScalarTag, YAMLSeq } from 'yaml';
import { YAMLMap } from 'yaml';

/**
 * The YAML tags of Atmos's functions. At load time they are kept as the literal string
 * `"!tag args"`, as Atmos does before it evaluates them; `!literal` only drops its tag.
 * Any other `!tag` is an error (reported by parse-yaml.ts).
 */
export const FUNCTION_TAGS: readonly string[] = [
  '!exec',
  '!secret',
  '!store',
  '!store.get',
  '!template',
  '!terraform.output',
  '!terraform.state',
  '!env',
  '!cel',
  '!include',
  '!include.raw',
  '!repo-root',
  '!git.root',
  '!git.sha',
  '!git.branch',
  '!git.ref',
  '!git.repository',
  '!git.owner',
  '!git.name',
  '!git.host',
  '!git.url',
  '!append',
  '!cwd',
  '!unset',
  '!random',
  '!aws.account_id',
  '!aws.caller_identity_arn',
  '!aws.caller_identity_user_id',
  '!aws.region',
  '!aws.organization_id',
  '!emulator',
  '!version',
  '!tags',
  '!labels',
  '!labels.keys',
  '!labels.values',
];

/** The key Atmos uses for an `!append` list (spec §4). */
export const APPEND_KEY = '__atmos_append__';

function literalOf(tag: string, args: string): string {
  return args === '' ? tag : `${tag} ${args}`;
}

function buildTags(): (ScalarTag | CollectionTag)[] {
  const tags: (ScalarTag | CollectionTag)[] = [{ tag: '!literal', resolve: (s: string) => s }];
  for (const tag of FUNCTION_TAGS) {
    tags.push({ tag, resolve: (s: string) => literalOf(tag, s) });
    if (tag === '!append') continue;
    tags.push({
      tag,
      collection: 'seq',
      resolve: (seq: YAMLSeq) => literalOf(tag, JSON.stringify(seq.toJSON())),
    } as unknown as CollectionTag);
    tags.push({
      tag,
      collection: 'map',
      resolve: (map: YAMLMap) => literalOf(tag, JSON.stringify(map.toJSON())),
    } as unknown as CollectionTag);
  }
  // `!append [a, b]` becomes {__atmos_append__: [a, b]}: the merge appends it to the list below it.
  tags.push({
    tag: '!append',
    collection: 'seq',
    resolve: (seq: YAMLSeq) => {
      const marker = new YAMLMap();
      marker.set(APPEND_KEY, seq);
      return marker;
    },
  } as unknown as CollectionTag);
  tags.push({ tag: '!literal', collection: 'seq', resolve: (s: YAMLSeq) => s } as unknown as CollectionTag);
  tags.push({ tag: '!literal', collection: 'map', resolve: (m: YAMLMap) => m } as unknown as CollectionTag);
  return tags;
}

/** Built once per call site that needs it; immutable. */
export const CUSTOM_TAGS: readonly (ScalarTag | CollectionTag)[] = Object.freeze(buildTags());

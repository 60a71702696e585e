import type { JsonSchema } from './common.js';
import { FUNCTION_DEF, bool, propertiesOf, ref, str } from './common.js';
import { IMPORT_ENTRY_KEYS } from './sections.js';

type ImportEntryKey = (typeof IMPORT_ENTRY_KEYS)[number];

function entryKey(key: ImportEntryKey): JsonSchema {
  switch (key) {
    case 'path':
      return str(
        'The file to import, as for a plain string entry: relative to `stacks.base_path`, or to this file when it starts with `./` or `../`; the extension may be left out; globs and `{{ }}` templates are allowed.',
        { minLength: 1 },
      );
    case 'context':
      return {
        type: 'object',
        additionalProperties: true,
        description:
          'Values for the Go templates in the imported file (and in its path), e.g. `{flavor: blue}` for `{{ .flavor }}`. Imports of the imported file see the same context.',
      };
    case 'skip_templates_processing':
      return bool('`true` imports the file as written, without rendering its Go templates.');
    case 'ignore_missing_template_values':
      return bool('`true` renders a template that refers to a missing context value instead of failing.');
    case 'skip_if_missing':
      return bool('`true` ignores the import when no file matches, instead of failing.');
    case 'nested_imports':
      return {
        type: 'string',
        enum: ['local', 'remote'],
        description:
          'For a remote (git) import: whether the imports inside the fetched file are resolved in the local stacks folder (`local`) or in the remote repository (`remote`).',
      };
    case 'ttl':
      return str(
        'For a remote (git) import: how long the fetched copy may be reused, e.g. `1h`, `7d`, `0s`.',
      );
  }
}

/** `import:` (spec §3.1). */
export function importDef(): JsonSchema {
  return {
    description:
      'Manifests merged into this one before its own content, in list order; later imports and this file win. An entry is a path (`catalog/vpc/defaults`, `./_defaults`, `mixins/region/*`) or a map with `path` and options. Example: `import: [orgs/acme/_defaults, {path: catalog/eks, context: {flavor: blue}}]`.',
    anyOf: [
      {
        type: 'array',
        items: {
          anyOf: [
            { type: 'string', minLength: 1, description: 'A path to import (see `path`).' },
            {
              type: 'object',
              description: 'An import with options; only `path` is required.',
              properties: propertiesOf(IMPORT_ENTRY_KEYS, entryKey),
              required: ['path'],
              additionalProperties: false,
            },
          ],
        },
      },
      ref(FUNCTION_DEF),
    ],
  };
}

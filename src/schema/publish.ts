import { cliConfigSchema } from './cli-config-schema.js';
import { manifestSchema } from './manifest-schema.js';

/** The published schema files (`schemas/` in the repository), by file name. */
export function publishedSchemas(): Record<string, string> {
  return {
    'stack-manifest.schema.json': `${JSON.stringify(manifestSchema(), null, 2)}\n`,
    'cli-config.schema.json': `${JSON.stringify(cliConfigSchema(), null, 2)}\n`,
  };
}

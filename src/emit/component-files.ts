import { join } from 'node:path';
import type { CliConfig } from '../model/cli-config.js';
import type { ValueMap } from '../model/value.js';
import { isMap } from '../model/value.js';
import { backendDocument, providersDocument } from './backend.js';
import type { EmitFile } from './emit-plan.js';
import type { InstanceNames } from './file-names.js';
import { instanceNames } from './file-names.js';
import { generatedJson } from './json.js';

export interface InstanceFilesInput {
  readonly cli: CliConfig;
  readonly context: string;
  readonly component: string;
  readonly section: ValueMap;
  readonly workspace: string;
}

export interface InstanceFiles {
  readonly names: InstanceNames;
  /** Absolute working folder. */
  readonly workdir: string;
  readonly varfile: EmitFile;
  /** Undefined when no backend type is set. */
  readonly backend: EmitFile | undefined;
  /** Undefined when the providers section is empty. */
  readonly providers: EmitFile | undefined;
}

/** Everything Strata generates for one component instance (spec §9), as data. */
export function instanceFiles(input: InstanceFilesInput): InstanceFiles {
  const names = instanceNames(input.context, input.component, input.section);
  const workdir = join(input.cli.terraform.basePath, names.folder);
  const vars = isMap(input.section['vars']) ? input.section['vars'] : {};
  const backendType = typeof input.section['backend_type'] === 'string' ? input.section['backend_type'] : '';
  const backend = isMap(input.section['backend']) ? input.section['backend'] : {};
  const providers = isMap(input.section['providers']) ? input.section['providers'] : {};
  return {
    names,
    workdir,
    varfile: { path: join(workdir, names.varfile), contents: generatedJson(vars) },
    backend:
      backendType === ''
        ? undefined
        : {
            path: join(workdir, 'backend.tf.json'),
            contents: generatedJson(backendDocument(backendType, backend, input.workspace)),
          },
    providers:
      Object.keys(providers).length === 0
        ? undefined
        : {
            path: join(workdir, 'providers_override.tf.json'),
            contents: generatedJson(providersDocument(providers)),
          },
  };
}

import { existsSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { Ajv2020 } from 'ajv/dist/2020.js';
import type { ValidateFunction } from 'ajv';
import type { Diagnostic } from '../diagnostics/diagnostic.js';
import { readTerraformModule } from '../io/terraform-module.js';
import type { TfVariable } from '../validate/terraform-types.js';
import type { JsonSchema } from '../validate/variables-schema.js';
import { variablesSchema } from '../validate/variables-schema.js';
import type { CliConfig } from '../model/cli-config.js';

export interface ComponentSchema {
  readonly folder: string;
  readonly variables: readonly TfVariable[];
  readonly schema: JsonSchema;
  readonly validate: ValidateFunction;
}

/**
 * Component `vars` schemas of one run, built from each folder's `variable` blocks and compiled once
 * with one ajv instance. A folder without `.tf` files has no schema; a folder whose HCL does not
 * parse reports it once.
 */
export class ComponentSchemas {
  readonly #cli: CliConfig;
  readonly #ajv = new Ajv2020({ allErrors: true, strict: false });
  readonly #cache = new Map<string, Promise<ComponentSchema | undefined>>();
  readonly diagnostics: Diagnostic[] = [];

  constructor(cli: CliConfig) {
    this.#cli = cli;
    this.#ajv.addVocabulary(['x-terraform-file']);
  }

  get(folder: string): Promise<ComponentSchema | undefined> {
    let entry = this.#cache.get(folder);
    if (!entry) {
      entry = this.#load(folder);
      this.#cache.set(folder, entry);
    }
    return entry;
  }

  async #load(folder: string): Promise<ComponentSchema | undefined> {
    const dir = join(this.#cli.terraform.basePath, folder);
    if (!existsSync(dir) || !readdirSync(dir).some((f) => f.endsWith('.tf'))) return undefined;
    const module = await readTerraformModule(this.#cli.terraform.basePath, folder, this.#cli.basePath);
    this.diagnostics.push(...module.diagnostics);
    if (module.diagnostics.length > 0) return undefined;
    const schema = variablesSchema(folder, module.variables);
    return { folder, variables: module.variables, schema, validate: this.#ajv.compile(schema) };
  }
}

/** Every folder under components.terraform.base_path that holds `.tf` files (nested folders too). */
export function componentFolders(cli: CliConfig): string[] {
  const out: string[] = [];
  const walk = (rel: string) => {
    const dir = join(cli.terraform.basePath, rel);
    let entries;
    try {
      entries = readdirSync(dir, { withFileTypes: true });
    } catch {
      return;
    }
    if (entries.some((e) => e.isFile() && e.name.endsWith('.tf')) && rel !== '') out.push(rel);
    for (const e of entries.sort((a, b) => (a.name < b.name ? -1 : 1))) {
      if (e.isDirectory() && !e.name.startsWith('.')) walk(rel === '' ? e.name : `${rel}/${e.name}`);
    }
  };
  walk('');
  return out;
}

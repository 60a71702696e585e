import { existsSync, readFileSync } from 'node:fs';
import { join, relative, resolve, sep } from 'node:path';
import type { EmitFile } from '../emit/emit-plan.js';
import { error } from '../diagnostics/diagnostic.js';
import { UserError } from '../diagnostics/errors.js';
import { generatedJson } from '../emit/json.js';
import { writePlan } from '../io/write-plan.js';
import { describeStacks } from '../describe/describe-stacks.js';
import { isMap } from '../model/value.js';
import { editorCustomTags, editorManifestSchema } from '../schema/editor-schema.js';
import type { JsonSchema } from '../validate/variables-schema.js';
import { ComponentSchemas, componentFolders } from './component-schemas.js';
import type { Project } from './project.js';

export interface SchemaGenerateOptions {
  /** Output folder; default `<base_path>/.strata/schemas`. */
  readonly out?: string;
  /** Also merge the editor settings into `<base_path>/.vscode/settings.json`. */
  readonly vscode: boolean;
}

export interface SchemaGenerateResult {
  readonly written: string[];
  /** The editor settings (`yaml.schemas`, `yaml.customTags`), relative to base_path. */
  readonly settings: Record<string, unknown>;
}

/**
 * `strata schema generate`: `<folder>.vars.schema.json` for every component folder, and an editor
 * schema for stack manifests in which each component's `vars` is typed.
 */
export async function generateSchemas(
  project: Project,
  options: SchemaGenerateOptions,
): Promise<SchemaGenerateResult> {
  const { cli } = project;
  const out = options.out ? resolve(project.cwd, options.out) : join(cli.basePath, '.strata', 'schemas');
  const schemas = new ComponentSchemas(cli);
  const files: EmitFile[] = [];
  const byFolder = new Map<string, JsonSchema>();
  for (const folder of componentFolders(cli)) {
    const schema = await schemas.get(folder);
    if (!schema) continue;
    byFolder.set(folder, schema.schema);
    files.push({ path: join(out, `${folder}.vars.schema.json`), contents: generatedJson(schema.schema) });
  }
  if (schemas.diagnostics.length > 0) throw new UserError(schemas.diagnostics);
  const byComponent: Record<string, JsonSchema> = {};
  for (const stack of Object.values(describeStacks(project.set, { componentTypes: ['terraform'] }))) {
    const terraform =
      isMap(stack['components']) && isMap(stack['components']['terraform'])
        ? stack['components']['terraform']
        : {};
    for (const [name, section] of Object.entries(terraform)) {
      const folder = isMap(section) && typeof section['component'] === 'string' ? section['component'] : name;
      const schema = byFolder.get(folder);
      if (schema && !(name in byComponent)) byComponent[name] = schema;
    }
  }
  const editorSchema = join(out, 'stack-manifest.schema.json');
  files.push({ path: editorSchema, contents: generatedJson(editorManifestSchema(byComponent)) });
  const settings = {
    'yaml.schemas': {
      [posixRelative(cli.basePath, editorSchema)]: [stacksGlob(cli.basePath, cli.stacks.basePath)],
    },
    'yaml.customTags': editorCustomTags(),
  };
  if (options.vscode) files.push(vscodeSettings(join(cli.basePath, '.vscode', 'settings.json'), settings));
  const result = writePlan(files);
  return { written: [...result.written, ...result.unchanged].sort(), settings };
}

/** Merges the two keys into an existing settings file, keeping everything else. */
function vscodeSettings(path: string, settings: Record<string, unknown>): EmitFile {
  let current: Record<string, unknown> = {};
  if (existsSync(path)) {
    try {
      current = JSON.parse(readFileSync(path, 'utf8')) as Record<string, unknown>;
    } catch {
      throw new UserError([
        error(
          'config-invalid',
          `${path} is not valid JSON (comments are not supported); fix it or remove it`,
          { file: path },
        ),
      ]);
    }
  }
  return { path, contents: `${JSON.stringify({ ...current, ...settings }, null, 2)}\n` };
}

/**
 * The glob yaml-language-server matches manifests with: relative to the folder the editor opens
 * (base_path), with `/`; the server prefixes `**\/`, so `./` must not lead it. Stacks outside
 * base_path get an absolute glob.
 */
function stacksGlob(basePath: string, stacksPath: string): string {
  const rel = posixRelative(basePath, stacksPath);
  const pattern = '**/*.{yaml,yml}';
  if (rel === '') return pattern;
  if (rel.startsWith('..')) return `${stacksPath.split(sep).join('/')}/${pattern}`;
  return `${rel}/${pattern}`;
}

function posixRelative(from: string, to: string): string {
  return relative(from, to).split(sep).join('/');
}

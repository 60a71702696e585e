import { existsSync, readFileSync } from 'node:fs';
import { isAbsolute, join } from 'node:path';
import { Ajv2020 } from 'ajv/dist/2020.js';
import type { ValidateFunction } from 'ajv';
import picomatch from 'picomatch';
import type { Diagnostic } from '../diagnostics/diagnostic.js';
import { error } from '../diagnostics/diagnostic.js';
import type { SourceFile } from '../load/source-file.js';
import { positionAt } from '../load/source-file.js';
import { parseYaml } from '../load/parse-yaml.js';
import { isMap } from '../model/value.js';
import { manifestSchema } from '../schema/manifest-schema.js';
import { manifestViolations } from '../validate/manifest-errors.js';
import type { Project } from './project.js';

/**
 * Schema check of every manifest (spec §12.1): each file's own YAML (after import-time templates), not
 * the merged stack. The schema is Strata's, or the one `schemas.atmos.manifest` (or
 * STRATA_/ATMOS_SCHEMAS_ATMOS_MANIFEST) points at. Compiled once per run.
 */
export function validateManifests(
  project: Project,
  env: Readonly<Record<string, string | undefined>>,
): Diagnostic[] {
  const loaded = manifestValidator(project, env);
  if ('diagnostics' in loaded) return loaded.diagnostics;
  const { set, cli } = project;
  const excluded = cli.stacks.excludedPaths.length
    ? picomatch([...cli.stacks.excludedPaths], { dot: true })
    : () => false;
  const files = new Map<string, SourceFile>();
  for (const file of set.parsedFiles()) files.set(file.file, file);
  for (const file of set.index.files) {
    if (!/\.ya?ml$/.test(file) || excluded(file)) continue;
    const display = set.context.display(file);
    if (files.has(display)) continue;
    const text = set.context.host.readFile(file);
    const parsed = text === undefined ? undefined : parseYaml(display, text).source;
    if (parsed) files.set(display, parsed);
  }
  const out: Diagnostic[] = [];
  for (const source of [...files.values()].sort((a, b) => (a.file < b.file ? -1 : 1))) {
    if (source.value === null || loaded.validate(source.value)) continue;
    for (const v of manifestViolations(loaded.validate.errors ?? [], source.value)) {
      out.push(
        error('manifest-schema', v.message, {
          file: source.file,
          position: positionAt(source, v.path, v.atKey),
          source: source.text,
          ...(v.hint ? { hint: v.hint } : {}),
        }),
      );
    }
  }
  return out;
}

function manifestValidator(
  project: Project,
  env: Readonly<Record<string, string | undefined>>,
): { validate: ValidateFunction } | { diagnostics: Diagnostic[] } {
  // verbose: errors carry their schema, so unknown keys can list the allowed ones.
  const ajv = new Ajv2020({ allErrors: true, strict: false, verbose: true });
  const configured =
    env['STRATA_SCHEMAS_ATMOS_MANIFEST'] ??
    env['ATMOS_SCHEMAS_ATMOS_MANIFEST'] ??
    atmosManifestSetting(project);
  if (configured === undefined) return { validate: ajv.compile(manifestSchema()) };
  const path = isAbsolute(configured) ? configured : join(project.cli.basePath, configured);
  if (!existsSync(path)) {
    return {
      diagnostics: [
        error('schema-invalid', `schemas.atmos.manifest '${configured}' does not exist`, {
          hint: "give a path relative to base_path, or remove the setting to use Strata's schema",
        }),
      ],
    };
  }
  try {
    const schema = JSON.parse(readFileSync(path, 'utf8')) as Record<string, unknown>;
    return { validate: ajv.compile(schema) };
  } catch (e) {
    return {
      diagnostics: [
        error('schema-invalid', `${configured} is not a valid JSON Schema: ${(e as Error).message}`, {
          file: configured,
        }),
      ],
    };
  }
}

function atmosManifestSetting(project: Project): string | undefined {
  const schemas = project.cli.raw['schemas'];
  const atmos = isMap(schemas) ? schemas['atmos'] : undefined;
  const manifest = isMap(atmos) ? atmos['manifest'] : undefined;
  // Atmos's embedded schema is referred to as atmos://...; Strata's own schema plays that part.
  return typeof manifest === 'string' &&
    manifest !== '' &&
    !manifest.startsWith('atmos://') &&
    !/^https?:/.test(manifest)
    ? manifest
    : undefined;
}

import { hash } from 'node:crypto';
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
import type { CheckedFile, ValidationIndex } from '../io/validation-index.js';

/** What the checks of each file on its own found (see checkFiles). */
export interface FileChecks {
  /** YAML errors of files no stack imports (a catalog entry waiting to be used still has to parse), in listing order. */
  readonly yaml: Diagnostic[];
  /** Manifest schema problems, by file. */
  readonly schema: Diagnostic[];
}

/**
 * The checks of each file on its own (spec §12.1). Every YAML file of the stacks folder that is not
 * excluded, and every file a stack was compiled from (`imported`: an excluded `_defaults.yaml` is
 * checked because a stack imports it), is checked against the manifest schema: Strata's, or the one
 * `schemas.atmos.manifest` (or STRATA_/ATMOS_SCHEMAS_ATMOS_MANIFEST) points at, compiled once per
 * run. A file with templates is checked as this run rendered it, if it did. Files that are not
 * excluded and not top-level manifests must also parse. With `records`, a file without templates whose
 * contents are unchanged is answered from an earlier run's findings, and is not parsed.
 */
export function checkFiles(
  project: Project,
  env: Readonly<Record<string, string | undefined>>,
  imported: Iterable<string>,
  records?: ValidationIndex,
): FileChecks {
  const loaded = manifestValidator(project, env);
  const { set, cli } = project;
  const excluded = cli.stacks.excludedPaths.length
    ? picomatch([...cli.stacks.excludedPaths], { dot: true })
    : () => false;
  const topLevel = new Set(set.stackFiles);
  const rendered = new Map<string, SourceFile>();
  for (const file of set.parsedFiles()) rendered.set(file.file, file);
  const listed = set.index.files.filter((f) => /\.ya?ml$/.test(f) && !excluded(f));
  const checked = new Set(listed);
  const listedSet = new Set(listed);
  for (const f of imported) checked.add(f);
  const byFile = new Map<string, { display: string; found: CheckedFile }>();
  for (const file of checked) {
    const mustParse = !topLevel.has(file) && /\.ya?ml$/.test(file) && !excluded(file);
    const known = 'validate' in loaded ? records?.fileChecks(file, loaded.identity) : undefined;
    const found =
      known ?? checkFile(project, file, mustParse, listedSet.has(file), loaded, rendered, records);
    byFile.set(file, { display: set.context.display(file), found });
  }
  const yaml = listed.flatMap((f) => byFile.get(f)?.found.yaml ?? []);
  if ('diagnostics' in loaded) return { yaml, schema: loaded.diagnostics };
  const schema = [...byFile.values()]
    .sort((a, b) => (a.display < b.display ? -1 : 1))
    .flatMap((f) => f.found.schema);
  return { yaml, schema };
}

/** One file's checks, recorded for the next run when its value does not depend on templates. */
function checkFile(
  project: Project,
  file: string,
  mustParse: boolean,
  listed: boolean,
  loaded: Validator | { diagnostics: Diagnostic[] },
  rendered: ReadonlyMap<string, SourceFile>,
  records: ValidationIndex | undefined,
): CheckedFile {
  const { set } = project;
  const display = set.context.display(file);
  const text = set.context.host.readFile(file);
  if (text === undefined) return { yaml: [], schema: [] };
  // As this run's compile read it (templates rendered), else as the file reads.
  const compiled = rendered.get(display);
  // An imported template (`.yaml.tmpl`, or a file rendered with its importer's context) that this run
  // did not render is not checked as raw text: its template syntax is not the manifest.
  if (!compiled && !listed && text.includes('{{')) return { yaml: [], schema: [] };
  const parsed = mustParse || !compiled ? parseYaml(display, text) : undefined;
  const yaml = mustParse && parsed ? parsed.diagnostics : [];
  if (!('validate' in loaded)) return { yaml, schema: [] };
  const source = compiled ?? parsed?.source;
  const schema = source ? schemaProblems(loaded.validate(), source) : [];
  const found = { yaml, schema };
  if (!text.includes('{{')) records?.learnFile(file, loaded.identity, found);
  return found;
}

function schemaProblems(validate: ValidateFunction, source: SourceFile): Diagnostic[] {
  if (source.value === null || validate(source.value)) return [];
  return manifestViolations(validate.errors ?? [], source.value).map((v) =>
    error('manifest-schema', v.message, {
      file: source.file,
      position: positionAt(source, v.path, v.atKey),
      source: source.text,
      ...(v.hint ? { hint: v.hint } : {}),
    }),
  );
}

/**
 * The manifest schema and what it is (recorded file checks hold for the same schema only). Strata's
 * own schema is compiled when first used: a run that recalls every file never needs it (0.12 s).
 */
interface Validator {
  readonly validate: () => ValidateFunction;
  readonly identity: string;
}

function manifestValidator(
  project: Project,
  env: Readonly<Record<string, string | undefined>>,
): Validator | { diagnostics: Diagnostic[] } {
  // verbose: errors carry their schema, so unknown keys can list the allowed ones.
  const ajv = new Ajv2020({ allErrors: true, strict: false, verbose: true });
  const configured =
    env['STRATA_SCHEMAS_ATMOS_MANIFEST'] ??
    env['ATMOS_SCHEMAS_ATMOS_MANIFEST'] ??
    atmosManifestSetting(project);
  if (configured === undefined) {
    let compiled: ValidateFunction | undefined;
    return { validate: () => (compiled ??= ajv.compile(manifestSchema())), identity: 'strata' };
  }
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
    const text = readFileSync(path, 'utf8');
    const schema = JSON.parse(text) as Record<string, unknown>;
    const validate = ajv.compile(schema);
    return { validate: () => validate, identity: `${path}\u0000${hash('sha1', text, 'hex')}` };
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

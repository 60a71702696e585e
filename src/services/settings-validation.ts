import { existsSync, readFileSync } from 'node:fs';
import { isAbsolute, join, resolve } from 'node:path';
import { Ajv2020 } from 'ajv/dist/2020.js';
import { Ajv } from 'ajv';
import type { Diagnostic } from '../diagnostics/diagnostic.js';
import { error } from '../diagnostics/diagnostic.js';
import type { Instance } from '../compile/instance.js';
import { isMap } from '../model/value.js';
import { describeComponent } from '../describe/describe-component.js';
import { violations } from '../validate/ajv-messages.js';
import type { Project } from './project.js';

/**
 * Atmos's `settings.validation` (spec §12.2): every enabled `schema_type: jsonschema` entry validates the
 * component's full `describe component` view against the schema file at `schema_path` (as given if it
 * exists, else under `schemas.jsonschema.base_path`). OPA policies are reported as not supported.
 */
export function settingsValidation(
  project: Project,
  instance: Instance,
  stack: string,
  read: (schemaPath: string) => void = () => {},
): Diagnostic[] {
  const settings = isMap(instance.section['settings']) ? instance.section['settings'] : {};
  const entries = isMap(settings['validation']) ? settings['validation'] : {};
  const out: Diagnostic[] = [];
  // Placed only when there is something to report: locating traces the stack's files.
  let placed: ReturnType<Project['set']['locate']> | undefined;
  const where = () =>
    (placed ??= project.set.locate(
      instance.manifest.file,
      ['components', instance.type, instance.component, 'settings', 'validation'],
      true,
    ));
  const label = `component '${instance.component}' in stack '${stack}'`;
  let data: unknown;
  for (const [name, entry] of Object.entries(entries).sort(([a], [b]) => (a < b ? -1 : 1))) {
    if (!isMap(entry) || entry['disabled'] === true) continue;
    if (entry['schema_type'] === 'opa') {
      out.push({
        ...error(
          'component-validation',
          `settings.validation.${name}: OPA policies are not supported by Strata; skipped`,
          where(),
        ),
        severity: 'warning',
      });
      continue;
    }
    if (entry['schema_type'] !== 'jsonschema') {
      out.push(
        error(
          'component-validation',
          `settings.validation.${name}: schema_type must be 'jsonschema' or 'opa'`,
          where(),
        ),
      );
      continue;
    }
    const written = typeof entry['schema_path'] === 'string' ? entry['schema_path'] : '';
    read(written);
    const path = schemaPath(project, written);
    if (!path) {
      out.push(
        error('schema-invalid', `settings.validation.${name}: schema file '${written}' not found`, {
          ...where(),
          hint: 'schema_path is relative to schemas.jsonschema.base_path (or give a path that exists)',
        }),
      );
      continue;
    }
    let validate;
    try {
      const schema = JSON.parse(readFileSync(path, 'utf8')) as Record<string, unknown>;
      const draft2020 = typeof schema['$schema'] === 'string' && schema['$schema'].includes('2020-12');
      const ajv = draft2020
        ? new Ajv2020({ allErrors: true, strict: false })
        : new Ajv({ allErrors: true, strict: false });
      validate = ajv.compile(schema);
    } catch (e) {
      out.push(
        error(
          'schema-invalid',
          `settings.validation.${name}: ${path} is not a valid JSON Schema: ${(e as Error).message}`,
          { file: path },
        ),
      );
      continue;
    }
    data ??= describeComponent(project.set, instance, stack).value;
    if (validate(data)) continue;
    const description = typeof entry['description'] === 'string' ? ` (${entry['description']})` : '';
    for (const v of violations(validate.errors ?? [], data)) {
      out.push(
        error(
          'component-validation',
          `${label} fails settings.validation.${name}${description}: \`${v.path.join('.') || '(root)'}\` ${v.message}`,
          { ...where(), hint: `see ${path}` },
        ),
      );
    }
  }
  return out;
}

/** The schema file a `schema_path` names: as given if it exists, else under schemas.jsonschema.base_path. */
export function schemaPath(project: Project, written: string): string | undefined {
  if (written === '') return undefined;
  const direct = isAbsolute(written) ? written : resolve(project.cwd, written);
  if (existsSync(direct)) return direct;
  const schemas = project.cli.raw['schemas'];
  const jsonschema = isMap(schemas) ? schemas['jsonschema'] : undefined;
  const base =
    isMap(jsonschema) && typeof jsonschema['base_path'] === 'string' ? jsonschema['base_path'] : '';
  const joined = join(project.cli.basePath, base, written);
  return existsSync(joined) ? joined : undefined;
}

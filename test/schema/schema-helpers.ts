import { readdirSync, readFileSync, statSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { ErrorObject, ValidateFunction } from 'ajv';
import { Ajv2020 } from 'ajv/dist/2020.js';
import { parseYaml } from '../../src/load/parse-yaml.js';

export const REPO = join(dirname(fileURLToPath(import.meta.url)), '..', '..');
export const AWS_ORG = join(REPO, 'examples', 'aws-org');

/** Compiles with the options the published schemas must support: all errors, strict mode. */
export function compile(schema: Record<string, unknown>): ValidateFunction {
  return newAjv().compile(schema);
}

export function newAjv(): Ajv2020 {
  return new Ajv2020({ allErrors: true, strict: true });
}

/** Parses YAML as Strata does: Atmos function tags become strings such as `"!include x.yaml"`. */
export function yaml(text: string, file = 'test.yaml'): unknown {
  const { source, diagnostics } = parseYaml(file, text);
  if (!source) throw new Error(`${file}: ${diagnostics.map((d) => d.message).join('; ')}`);
  return source.value ?? {};
}

/** The errors of validating `value` (empty when it is valid). */
export function errorsOf(validate: ValidateFunction, value: unknown): ErrorObject[] {
  return validate(value) ? [] : [...(validate.errors ?? [])];
}

/** A compact view of errors for failure messages. */
export function show(errors: readonly ErrorObject[]): string[] {
  return errors.map((e) => `${e.instancePath || '/'} ${e.keyword}: ${e.message ?? ''}`);
}

export function yamlFilesUnder(dir: string): string[] {
  const out: string[] = [];
  for (const entry of readdirSync(dir)) {
    const path = join(dir, entry);
    if (statSync(path).isDirectory()) out.push(...yamlFilesUnder(path));
    else if (/\.ya?ml$/.test(entry)) out.push(path);
  }
  return out.sort();
}

export function readYaml(path: string): unknown {
  return yaml(readFileSync(path, 'utf8'), path);
}

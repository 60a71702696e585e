import type { ErrorObject } from 'ajv';
import { closest } from '../diagnostics/suggest.js';
import { jsonType, pointer } from './ajv-messages.js';

/** A manifest schema violation in user words, at a path of the manifest. */
export interface ManifestViolation {
  readonly path: readonly string[];
  /** Point at the key (unknown keys) rather than the value. */
  readonly atKey: boolean;
  readonly message: string;
  readonly hint?: string;
}

/**
 * Rewrites ajv errors of the manifest schema. Every section is `anyOf: [map, "!function" string]`, so
 * a wrong value deep inside a section also fails the string branch and the anyOf at each ancestor:
 * only the deepest errors are kept, and the YAML-function branch is never shown.
 */
export function manifestViolations(errors: readonly ErrorObject[], value: unknown): ManifestViolation[] {
  const useful = errors.filter(
    (e) => e.keyword !== 'anyOf' && e.keyword !== 'oneOf' && !e.schemaPath.includes('yaml_function'),
  );
  const deepest = useful.filter(
    (e) => !useful.some((o) => o !== e && o.instancePath.startsWith(`${e.instancePath}/`)),
  );
  const out: ManifestViolation[] = [];
  const seen = new Set<string>();
  for (const e of deepest) {
    const v = toViolation(e, value);
    const key = `${v.path.join('/')}|${v.message}`;
    if (seen.has(key)) continue;
    seen.add(key);
    out.push(v);
  }
  return mergeTypeAlternatives(out);
}

function toViolation(e: ErrorObject, root: unknown): ManifestViolation {
  const path = pointer(e.instancePath);
  const p = e.params as Record<string, unknown>;
  const actual = valueAt(root, path);
  const shown = path.join('.') || '(top level)';
  switch (e.keyword) {
    case 'additionalProperties': {
      const key = String(p['additionalProperty']);
      const allowed = allowedKeys(e.parentSchema);
      const suggestion = closest(key, allowed);
      return {
        path: [...path, key],
        atKey: true,
        message: `\`${[...path, key].join('.')}\`: unknown key '${key}'`,
        hint: suggestion
          ? `did you mean '${suggestion}'?`
          : allowed.length
            ? `allowed keys: ${allowed.join(', ')}`
            : undefined,
      };
    }
    case 'required':
      return { path, atKey: false, message: `\`${shown}\`: '${String(p['missingProperty'])}' is required` };
    case 'type':
      return {
        path,
        atKey: false,
        message: `\`${shown}\`: expected ${[p['type']].flat().join(' or ')}, got ${jsonType(actual)}`,
      };
    case 'enum':
      return {
        path,
        atKey: false,
        message: `\`${shown}\`: must be one of ${(p['allowedValues'] as unknown[]).map((x) => JSON.stringify(x)).join(', ')}, got ${JSON.stringify(actual)}`,
      };
    case 'pattern':
      return {
        path,
        atKey: false,
        message: `\`${shown}\`: ${JSON.stringify(actual)} does not match ${String(p['pattern'])}`,
      };
    default:
      return { path, atKey: false, message: `\`${shown}\`: ${e.message ?? e.keyword}` };
  }
}

/** Two type errors at one path (e.g. "expected object" and "expected string") become one message. */
function mergeTypeAlternatives(list: ManifestViolation[]): ManifestViolation[] {
  const byPath = new Map<string, ManifestViolation[]>();
  for (const v of list) byPath.set(v.path.join('/'), [...(byPath.get(v.path.join('/')) ?? []), v]);
  const out: ManifestViolation[] = [];
  for (const group of byPath.values()) {
    const types = group.filter((v) => / expected .+, got /.test(v.message));
    if (types.length < 2) {
      out.push(...group);
      continue;
    }
    const expected = [
      ...new Set(types.flatMap((t) => /expected (.+), got/.exec(t.message)![1]!.split(' or '))),
    ];
    const got = /got (\w+)$/.exec(types[0]!.message)?.[1] ?? '';
    out.push({
      ...types[0]!,
      message: types[0]!.message.replace(
        /expected .+, got \w+$/,
        `expected ${expected.join(' or ')}, got ${got}`,
      ),
    });
    out.push(...group.filter((v) => !types.includes(v)));
  }
  return out;
}

function allowedKeys(schema: unknown): string[] {
  const props =
    schema !== null && typeof schema === 'object'
      ? (schema as Record<string, unknown>)['properties']
      : undefined;
  return props && typeof props === 'object' ? Object.keys(props).sort() : [];
}

function valueAt(value: unknown, path: readonly string[]): unknown {
  let cur = value;
  for (const k of path)
    cur = cur !== null && typeof cur === 'object' ? (cur as Record<string, unknown>)[k] : undefined;
  return cur;
}

import type { ErrorObject } from 'ajv';

/** One schema violation in user words, at a path inside the validated value. */
export interface Violation {
  /** Path inside the value, e.g. ['cidr_block'] or ['flow_logs', 'enabled']. */
  readonly path: readonly string[];
  readonly kind: 'unknown' | 'required' | 'type' | 'invalid';
  /** For 'unknown' and 'required': the property name. */
  readonly property?: string;
  readonly message: string;
}

/**
 * Rewrites ajv errors: a missing property is appended to the path; an unknown one is named; type errors
 * say what was expected and what was found; the `null` branch that nullable variables add (anyOf with
 * {type: null}) is collapsed so users see one message per problem.
 */
export function violations(errors: readonly ErrorObject[], value: unknown): Violation[] {
  const out: Violation[] = [];
  const seen = new Set<string>();
  for (const e of errors) {
    if (e.keyword === 'anyOf' || e.keyword === 'oneOf' || e.keyword === 'if') continue;
    if (e.keyword === 'type' && /\/anyOf\/1\/type$/.test(e.schemaPath)) continue;
    const path = pointer(e.instancePath);
    const v = toViolation(e, path, valueAt(value, path));
    const key = `${v.kind}\u0000${v.path.join('\u0000')}\u0000${v.message}`;
    if (seen.has(key)) continue;
    seen.add(key);
    out.push(v);
  }
  return out;
}

function toViolation(e: ErrorObject, path: string[], actual: unknown): Violation {
  const p = e.params as Record<string, unknown>;
  switch (e.keyword) {
    case 'additionalProperties': {
      const property = String(p['additionalProperty']);
      return { path: [...path, property], kind: 'unknown', property, message: 'is not declared' };
    }
    case 'required': {
      const property = String(p['missingProperty']);
      return { path: [...path, property], kind: 'required', property, message: 'is required but not set' };
    }
    case 'type': {
      const expected = [p['type']]
        .flat()
        .filter((t) => t !== 'null')
        .map(String)
        .join(' or ');
      return { path, kind: 'type', message: `expected ${expected}, got ${jsonType(actual)}` };
    }
    case 'enum':
      return {
        path,
        kind: 'invalid',
        message: `must be one of ${(p['allowedValues'] as unknown[])
          .filter((x) => x !== null)
          .map((x) => JSON.stringify(x))
          .join(', ')}, got ${JSON.stringify(actual)}`,
      };
    case 'const':
      return { path, kind: 'invalid', message: `must be ${JSON.stringify(p['allowedValue'])}` };
    case 'pattern':
      return {
        path,
        kind: 'invalid',
        message: `must match the pattern ${String(p['pattern'])}, got ${JSON.stringify(actual)}`,
      };
    case 'minItems':
    case 'maxItems':
      return {
        path,
        kind: 'invalid',
        message: `must have ${e.keyword === 'minItems' ? 'at least' : 'at most'} ${String(p['limit'])} items`,
      };
    case 'uniqueItems':
      return { path, kind: 'invalid', message: 'must not repeat items (it is a set)' };
    default:
      return { path, kind: 'invalid', message: e.message ?? `fails '${e.keyword}'` };
  }
}

export function pointer(instancePath: string): string[] {
  if (instancePath === '') return [];
  return instancePath
    .slice(1)
    .split('/')
    .map((s) => s.replace(/~1/g, '/').replace(/~0/g, '~'));
}

function valueAt(value: unknown, path: readonly string[]): unknown {
  let cur = value;
  for (const k of path)
    cur = cur !== null && typeof cur === 'object' ? (cur as Record<string, unknown>)[k] : undefined;
  return cur;
}

export function jsonType(v: unknown): string {
  if (v === null) return 'null';
  if (Array.isArray(v)) return 'list';
  if (typeof v === 'object') return 'map';
  if (typeof v === 'number') return 'number';
  if (typeof v === 'boolean') return 'bool';
  return typeof v;
}

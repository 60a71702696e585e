import type { Diagnostic } from '../diagnostics/diagnostic.js';
import { error } from '../diagnostics/diagnostic.js';
import type { SourceFile } from '../load/source-file.js';
import { positionAt } from '../load/source-file.js';
import type { Value, ValueMap } from '../model/value.js';
import { isMap } from '../model/value.js';
import { renderTemplate } from '../template/index.js';

const COMPONENT_TYPES = ['terraform', 'helmfile', 'packer'];

/**
 * File-scoped `locals` (spec §13.4): the file's global `locals`, then `<type>.locals`, then each
 * component's `locals`, each scope seeing the wider ones. Locals may reference each other in any
 * order (`{{ .locals.x }}`); a cycle is an error with its chain. Every string of the file that reads
 * `.locals` is then rendered with its scope, plus the file's own settings, vars and env. Locals never
 * cross files: an imported file sees only its own.
 */
export function applyLocals(
  source: SourceFile,
  body: ValueMap,
  /** Evaluates a YAML function kept as text (`!env X`): functions in locals run before templates. */
  evaluate?: (literal: string) => Value,
): { value: ValueMap; diagnostics: Diagnostic[] } {
  const diagnostics: Diagnostic[] = [];
  const at = (path: (string | number)[]) => ({
    file: source.file,
    position: positionAt(source, path),
    source: source.text,
  });
  const own = { settings: mapOf(body['settings']), vars: mapOf(body['vars']), env: mapOf(body['env']) };
  const resolve = (declared: ValueMap, inherited: ValueMap, path: string[]): ValueMap => {
    const r = resolveLocals(
      evaluate ? (evaluateFunctions(declared, evaluate) as ValueMap) : declared,
      inherited,
      own,
    );
    if (r.cycle) {
      diagnostics.push(
        error('template-error', `circular locals: ${r.cycle.join(' -> ')}`, {
          ...at([...path, r.cycle[0]!]),
          hint: 'break the loop: one of these locals must not read the next',
        }),
      );
    }
    for (const e of r.errors)
      diagnostics.push(
        error('template-error', `locals.${e.name}: ${e.message}`, {
          ...at([...path, e.name]),
          hint: "a local may read other locals, and this file's settings, vars and env",
        }),
      );
    return r.locals;
  };
  const global = resolve(mapOf(body['locals']), {}, ['locals']);
  const render = (v: Value, locals: ValueMap): Value => renderStrings(v, { ...own, locals });
  const out: Record<string, Value> = {};
  for (const [key, v] of Object.entries(body)) {
    if (key === 'locals' || key === 'import') out[key] = v;
    else if (COMPONENT_TYPES.includes(key) && isMap(v)) {
      const typeLocals = resolve(mapOf(v['locals']), global, [key, 'locals']);
      out[key] = render(v, typeLocals);
    } else if (key === 'components' && isMap(v)) {
      out[key] = Object.fromEntries(
        Object.entries(v).map(([type, components]): [string, Value] => {
          if (!isMap(components)) return [type, components];
          const typeSection = body[type];
          const typeLocals = resolve(isMap(typeSection) ? mapOf(typeSection['locals']) : {}, global, [
            type,
            'locals',
          ]);
          const rendered = Object.fromEntries(
            Object.entries(components).map(([name, c]): [string, Value] => {
              if (!isMap(c)) return [name, c];
              const componentLocals = resolve(mapOf(c['locals']), typeLocals, [
                'components',
                type,
                name,
                'locals',
              ]);
              return [name, render(c, componentLocals)];
            }),
          );
          return [type, rendered];
        }),
      );
    } else out[key] = render(v, global);
  }
  return { value: out, diagnostics };
}

export function hasLocals(body: ValueMap): boolean {
  if (isMap(body['locals'])) return true;
  if (COMPONENT_TYPES.some((t) => isMap(body[t]) && isMap(body[t]['locals']))) return true;
  const components = body['components'];
  return (
    isMap(components) &&
    Object.values(components).some(
      (byName) => isMap(byName) && Object.values(byName).some((c) => isMap(c) && isMap(c['locals'])),
    )
  );
}

interface Resolved {
  readonly locals: ValueMap;
  readonly cycle?: string[];
  readonly errors: { name: string; message: string }[];
}

/** Resolves locals in dependency order (the references are read from the template text). */
function resolveLocals(declared: ValueMap, inherited: ValueMap, own: ValueMap): Resolved {
  const resolved: Record<string, Value> = { ...inherited };
  const pending = new Map(Object.entries(declared));
  const errors: { name: string; message: string }[] = [];
  while (pending.size > 0) {
    let progressed = false;
    for (const [name, value] of pending) {
      const deps = references(value).filter((d) => pending.has(d) && d !== name);
      if (deps.length > 0) continue;
      const data = { ...own, locals: resolved };
      const r = renderValue(value, data);
      if (r.error) errors.push({ name, message: r.error });
      resolved[name] = r.value;
      pending.delete(name);
      progressed = true;
    }
    if (!progressed) return { locals: resolved, cycle: findCycle(pending), errors };
  }
  return { locals: resolved, errors };
}

function references(v: Value): string[] {
  const out: string[] = [];
  const walk = (x: Value) => {
    if (typeof x === 'string') for (const m of x.matchAll(/\.locals\.([A-Za-z0-9_]+)/g)) out.push(m[1]!);
    else if (Array.isArray(x)) x.forEach(walk);
    else if (isMap(x)) Object.values(x).forEach(walk);
  };
  walk(v);
  return out;
}

function findCycle(pending: Map<string, Value>): string[] {
  const start = [...pending.keys()][0]!;
  const chain = [start];
  let cur = start;
  for (;;) {
    const next = references(pending.get(cur)!).find((d) => pending.has(d))!;
    const loop = chain.indexOf(next);
    if (loop >= 0) return [...chain.slice(loop), next];
    chain.push(next);
    cur = next;
  }
}

function renderValue(v: Value, data: unknown): { value: Value; error?: string } {
  let failure: string | undefined;
  const value = mapStrings(v, (s) => {
    if (!s.includes('{{')) return s;
    const r = renderTemplate(s, data, { missingKey: 'error' });
    if (r.ok) return r.output;
    failure ??= r.error.message;
    return s;
  });
  return failure === undefined ? { value } : { value, error: failure };
}

/** Strings that read `.locals` are rendered now; other templates are left for the component pass. */
function renderStrings(v: Value, data: unknown): Value {
  return mapStrings(v, (s) => {
    if (!s.includes('.locals')) return s;
    const r = renderTemplate(s, data, { missingKey: 'error' });
    return r.ok ? r.output : s;
  });
}

function mapStrings(v: Value, fn: (s: string) => string): Value {
  if (typeof v === 'string') return fn(v);
  if (Array.isArray(v)) return v.map((x: Value) => mapStrings(x, fn));
  if (isMap(v)) return Object.fromEntries(Object.entries(v).map(([k, x]) => [k, mapStrings(x, fn)]));
  return v;
}

function mapOf(v: Value | undefined): ValueMap {
  return isMap(v) ? v : {};
}

/** Replaces every YAML function kept as text (`!env X`) with its value. */
function evaluateFunctions(v: Value, evaluate: (literal: string) => Value): Value {
  if (typeof v === 'string') return v.startsWith('!') ? evaluate(v) : v;
  if (Array.isArray(v)) return v.map((x: Value) => evaluateFunctions(x, evaluate));
  if (isMap(v))
    return Object.fromEntries(Object.entries(v).map(([k, x]) => [k, evaluateFunctions(x, evaluate)]));
  return v;
}

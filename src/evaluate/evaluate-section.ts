import type { Value, ValueMap } from '../model/value.js';
import { copyMap, extendMap, isMap, setKey } from '../model/value.js';
import { containsTemplate, renderTemplate } from '../template/index.js';
import type { TemplateUses } from './atmos-functions.js';
import { atmosTemplateFunctions } from './atmos-functions.js';
import type { DeferredMerge } from '../merge/deferred-merge.js';
import { mergeValues } from '../merge/deep-merge.js';
import type { ListMergeStrategy } from '../model/cli-config.js';
import type { FunctionCall } from './function-call.js';
import { parseCall, splitArgs } from './function-call.js';

/** What evaluating functions needs from the outside world; the services layer provides it. */
export interface EvalHost {
  /** The process environment (`!env` falls back to it). */
  readonly env: Readonly<Record<string, string | undefined>>;
  /** Absolute git root, for `!repo-root`. */
  readonly repoRoot: string | undefined;
  /** `!exec` runs only when allowed (--allow-exec or functions.exec.enabled). */
  readonly allowExec: boolean;
  /**
   * Resolve `!terraform.output` too (terraform runs). Inspection commands leave it a placeholder; a
   * run reads the other instance's outputs (from its state file, for local backends).
   */
  readonly resolveOutputs?: boolean;
  /** --process-templates=false / --process-functions=false / --skip fn,fn (describe). */
  readonly processTemplates?: boolean;
  readonly processFunctions?: boolean;
  /** Function names left as text, e.g. `terraform.output`. */
  readonly skip?: readonly string[];
  exec(command: string): { ok: true; stdout: string } | { ok: false; message: string };
  /**
   * `atmos.Component`: another instance's evaluated section, and its outputs where they are known
   * without terraform (a message starting `remote:` when only terraform can read them).
   */
  describeComponent(
    component: string,
    stack: string,
  ): { ok: true; section: ValueMap; outputs: ComponentOutputs } | { ok: false; message: string };
  /** `!terraform.state` of a local backend: the output's value, or why it cannot be read. */
  terraformState(
    component: string,
    stack: string,
    output: string,
  ): { ok: true; value: unknown } | { ok: false; message: string };
}

export type ComponentOutputs = { ok: true; value: ValueMap } | { ok: false; message: string };

export interface EvalOptions {
  readonly templatesEnabled: boolean;
  readonly evaluations: number;
  /** The instance's stack name (the default stack of `!terraform.*`). */
  readonly stack: string;
  /** Extra template data: atmos_component, atmos_stack, workspace... */
  readonly meta: ValueMap;
  /** Paths whose layers held deferred functions: merged again once evaluated (spec §13.1). */
  readonly deferredMerges?: readonly DeferredMerge[];
  readonly listMergeStrategy?: ListMergeStrategy;
}

export interface EvalProblem {
  readonly path: readonly string[];
  readonly message: string;
  readonly hint?: string;
}

/** A value that needs the outside world and stays a typed placeholder until a run resolves it. */
export interface Deferred {
  readonly path: readonly string[];
  readonly call: FunctionCall;
  /** For !terraform.output/state: the component (and stack) it reads, a dependency of this instance. */
  readonly component?: string;
  readonly stack?: string;
  /** What to do about it, when it cannot be resolved in a run. */
  readonly hint?: string;
}

export interface EvalResult {
  readonly section: ValueMap;
  readonly problems: EvalProblem[];
  readonly deferred: Deferred[];
  /** Every other instance a `!terraform.output`/`!terraform.state` reads: dependencies of this one. */
  readonly references: { component: string; stack: string }[];
}

const SKIPPED_SECTIONS = new Set(['sources', 'mocks', 'overrides', 'inheritance']);

/**
 * Phase C of spec §13.1 for one component instance: Go templates over the section (when
 * templates.settings.enabled), then the YAML functions that need no outside world. `!terraform.output`
 * stays a placeholder string `(computed: !terraform.output ...)`; `!unset` removes its key.
 */
export function evaluateSection(section: ValueMap, options: EvalOptions, host: EvalHost): EvalResult {
  const problems: EvalProblem[] = [];
  const deferred: Deferred[] = [];
  const references: { component: string; stack: string }[] = [];
  const uses: TemplateUses = { computed: [], references: [] };
  const metadata = isMap(section['metadata']) ? section['metadata'] : {};
  // Built on the first template only: most sections have none.
  let functions: ReturnType<typeof atmosTemplateFunctions> | undefined;
  const render = (text: string, data: unknown, path: string[]) => {
    functions ??= atmosTemplateFunctions(host, uses, metadata['enabled'] === false);
    uses.computed.length = 0;
    uses.references.length = 0;
    const r = renderTemplate(text, data, { name: path.join('.'), missingKey: 'default', functions });
    references.push(...uses.references);
    for (const c of uses.computed) {
      if (deferred.some((d) => d.call.tag === c.tag && d.path.join('\u0000') === path.join('\u0000')))
        continue;
      const { tag, text: callText, ...rest } = c;
      deferred.push({ path, call: { tag, text: callText }, ...rest });
    }
    return r;
  };
  let current = section;
  if (options.templatesEnabled && host.processTemplates !== false) {
    for (let pass = 0; pass < Math.max(1, options.evaluations); pass++) {
      const data = extendMap(current, options.meta);
      current = mapStrings(current, [], containsTemplate, (s, path) => {
        const r = render(s, data, path);
        if (r.ok) return r.output;
        problems.push({
          path,
          message: `template error: ${r.error.message}`,
          hint: 'fix the template, or quote it with !literal to keep it as text',
        });
        return s;
      }) as ValueMap;
    }
  }
  if (host.processFunctions === false) return { section: current, problems, deferred, references };
  const envSection = isMap(current['env']) ? current['env'] : {};
  let unset = false;
  const evaluated = mapStrings(current, [], startsWithBang, (s, path) => {
    const call = parseCall(s);
    if (!call || host.skip?.includes(call.tag.slice(1))) return s;
    const r = evaluateCall(call, path, { envSection, options, host, problems, deferred, references });
    if (r === UNSET) unset = true;
    return r;
  });
  let merged = evaluated as ValueMap;
  for (const dm of options.deferredMerges ?? []) {
    // Each layer's value, functions evaluated, merged in layer order with the normal rules.
    const templating = options.templatesEnabled && host.processTemplates !== false;
    const data = extendMap(current, options.meta);
    const values = dm.values.map((v) =>
      mapStrings(v, [dm.section, ...dm.path], everyString, (raw, path) => {
        const rendered = templating && containsTemplate(raw) ? render(raw, data, path) : undefined;
        const s = rendered?.ok ? rendered.output : raw;
        const call = s.charCodeAt(0) === 33 ? parseCall(s) : undefined;
        if (!call || host.skip?.includes(call.tag.slice(1))) return s;
        return evaluateCall(call, path, {
          envSection,
          options,
          host,
          problems: [],
          deferred: [],
          references: [],
        });
      }),
    );
    const folded = mergeValues(
      values.map((v) => ({ v })),
      options.listMergeStrategy ?? 'replace',
    )['v'];
    merged = setIn(merged, [dm.section, ...dm.path], folded as Value);
  }
  return { section: (unset ? dropUnset(merged) : merged) as ValueMap, problems, deferred, references };
}

const UNSET = Symbol('unset');

const startsWithBang = (s: string): boolean => s.charCodeAt(0) === 33; /* ! */
const everyString = (): boolean => true;

interface CallContext {
  readonly envSection: ValueMap;
  readonly options: EvalOptions;
  readonly host: EvalHost;
  readonly problems: EvalProblem[];
  readonly deferred: Deferred[];
  readonly references: { component: string; stack: string }[];
}

function evaluateCall(call: FunctionCall, path: string[], ctx: CallContext): unknown {
  const args = splitArgs(call.text);
  switch (call.tag) {
    case '!env': {
      const [name, fallback] = args;
      if (!name) {
        ctx.problems.push({
          path,
          message: '!env needs a variable name',
          hint: 'write !env NAME or !env NAME default',
        });
        return '';
      }
      return envValue(name, fallback, ctx, 0);
    }
    case '!template':
      return decodeJson(call.text.replace(/^'(.*)'$/s, '$1'));
    case '!repo-root':
      return ctx.host.repoRoot ?? args[0] ?? '';
    case '!unset':
      return UNSET;
    case '!exec': {
      if (!ctx.host.allowExec) {
        ctx.problems.push({
          path,
          message: `'!exec ${call.text}' would run a command, and running commands from manifests is off`,
          hint: 'review the command, then pass --allow-exec or set functions.exec.enabled: true in strata.yaml/atmos.yaml',
        });
        return `!exec ${call.text}`;
      }
      const r = ctx.host.exec(call.text);
      if (!r.ok) {
        ctx.problems.push({ path, message: `'!exec ${call.text}' failed: ${r.message}` });
        return '';
      }
      return decodeJson(r.stdout.replace(/\n$/, ''));
    }
    case '!terraform.state':
    case '!terraform.output': {
      const ref = terraformRef(args, ctx.options.stack);
      if (!ref) {
        ctx.problems.push({
          path,
          message: `${call.tag} needs a component and an output: ${call.tag} <component> [<stack>] <output>`,
        });
        return `${call.tag} ${call.text}`;
      }
      ctx.references.push({ component: ref.component, stack: ref.stack });
      if (call.tag === '!terraform.state' || ctx.host.resolveOutputs === true) {
        const state = ctx.host.terraformState(ref.component, ref.stack, ref.output);
        if (state.ok) return state.value;
        if (!state.message.startsWith('remote:')) {
          ctx.problems.push({
            path,
            message: `${call.tag} ${call.text}: ${state.message}`,
            hint: `apply '${ref.component}' in stack '${ref.stack}' first`,
          });
          return `${call.tag} ${call.text}`;
        }
      }
      ctx.deferred.push({ path, call, component: ref.component, stack: ref.stack });
      return `(computed: ${call.tag} ${call.text})`;
    }
    default:
      ctx.deferred.push({ path, call });
      return `(computed: ${call.tag}${call.text ? ` ${call.text}` : ''})`;
  }
}

/**
 * `!env NAME [default]` (spec §13.3): the component's final env section first (itself possibly an
 * `!env` of another variable), then the process environment, then the default, else "".
 */
function envValue(name: string, fallback: string | undefined, ctx: CallContext, depth: number): unknown {
  const fromComponent = ctx.envSection[name];
  if (typeof fromComponent === 'string') {
    const inner = parseCall(fromComponent);
    if (!inner) return fromComponent;
    if (inner.tag === '!env' && depth < 10) {
      const [n, f] = splitArgs(inner.text);
      if (n && n !== name) return envValue(n, f, ctx, depth + 1);
    }
  }
  return ctx.host.env[name] ?? fallback ?? '';
}

/** `<component> [<stack>] <output>`; the stack defaults to the current one. */
function terraformRef(
  args: string[],
  stack: string,
): { component: string; stack: string; output: string } | undefined {
  if (args.length === 2) return { component: args[0]!, stack, output: args[1]! };
  if (args.length >= 3) return { component: args[0]!, stack: args[1]!, output: args.slice(2).join(' ') };
  return undefined;
}

function decodeJson(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    return text;
  }
}

/**
 * Applies `fn` to every string that passes `wanted`; copy on write, so a section without functions is
 * returned as is. The path is one array pushed and popped on the way (this walks every string of every
 * instance); `fn` gets its own copy.
 */
function mapStrings(
  value: Value,
  at: readonly string[],
  wanted: (s: string) => boolean,
  fn: (s: string, path: string[]) => unknown,
): unknown {
  const path = [...at];
  const walk = (v: Value): unknown => {
    if (typeof v === 'string') return wanted(v) ? fn(v, [...path]) : v;
    if (Array.isArray(v)) {
      const list = v as readonly Value[];
      let out: unknown[] | undefined;
      for (let i = 0; i < list.length; i++) {
        path.push(String(i));
        const r = walk(list[i]!);
        path.pop();
        if (r !== list[i]) (out ??= [...list])[i] = r;
      }
      return out ?? v;
    }
    if (isMap(v)) {
      let out: Record<string, unknown> | undefined;
      for (const k of Object.keys(v)) {
        if (path.length === 0 && SKIPPED_SECTIONS.has(k)) continue;
        path.push(k);
        const r = walk(v[k]!);
        path.pop();
        if (r !== v[k]) (out ??= copyMap(v))[k] = r;
      }
      return out ?? v;
    }
    return v;
  };
  return walk(value);
}

function dropUnset(value: unknown): unknown {
  if (Array.isArray(value)) return value.filter((v) => v !== UNSET).map(dropUnset);
  if (value !== null && typeof value === 'object') {
    return Object.fromEntries(
      Object.entries(value)
        .filter(([, v]) => v !== UNSET)
        .map(([k, v]) => [k, dropUnset(v)]),
    );
  }
  return value;
}

function setIn(root: ValueMap, path: readonly string[], value: Value): ValueMap {
  if (path.length === 0) return root;
  const [head, ...rest] = path;
  const child = root[head!];
  const next = rest.length === 0 ? value : setIn(isMap(child) ? child : {}, rest, value);
  const out = copyMap(root);
  setKey(out, head!, next);
  return out;
}

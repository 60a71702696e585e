/**
 * Atmos's template functions (spec §13.2) over an evaluation host: `atmos.Component` returns another
 * instance's evaluated section plus its `outputs`; `atmos.Store` and `atmos.GomplateDatasource` need the
 * outside world and are placeholders. Reading outputs that are not known while compiling gives a
 * `Computed` placeholder, and the use is recorded so the caller can defer the value.
 */
import type { TemplateFunction } from '../template/index.js';
import { Computed, TemplateNamespace, envFunctions, namespaceFunction } from '../template/index.js';
import type { EvalHost } from './evaluate-section.js';

/** What the templates rendered since the last reset read from the outside world. */
export interface TemplateUses {
  /** Placeholders printed: the function and, for outputs, the instance they belong to. */
  computed: { tag: string; text: string; component?: string; stack?: string; hint?: string }[];
  /** Instances whose outputs were read: dependencies of this instance. */
  references: { component: string; stack: string }[];
}

export function atmosTemplateFunctions(
  host: EvalHost,
  uses: TemplateUses,
  enclosingDisabled: boolean,
): Record<string, TemplateFunction> {
  const component: TemplateFunction = (...args) => {
    const [name = '', stack = ''] = stringArgs('atmos.Component', args, 2);
    // A disabled component is never deployed: Atmos gives it empty sections rather than reading state.
    if (enclosingDisabled) return { outputs: {} };
    const found = host.describeComponent(name, stack);
    if (!found.ok) throw new Error(found.message);
    const result: Record<string, unknown> = { ...found.section };
    Object.defineProperty(result, 'outputs', {
      enumerable: true,
      get: () => {
        uses.references.push({ component: name, stack });
        if (found.outputs.ok) return found.outputs.value;
        const remote = found.outputs.message.startsWith('remote:');
        uses.computed.push({
          tag: 'atmos.Component',
          text: `${name} ${stack}`,
          component: name,
          stack,
          hint: remote
            ? `the outputs of '${name}' (remote backend) are read only by terraform; use !terraform.output ${name} ${stack} <output> in this value`
            : `apply '${name}' in stack '${stack}' first`,
        });
        return new Computed(`atmos.Component ${name} ${stack} outputs`);
      },
    });
    return result;
  };
  const placeholder =
    (fn: string, count: number): TemplateFunction =>
    (...args) => {
      const text = stringArgs(`atmos.${fn}`, args, count).join(' ');
      uses.computed.push({
        tag: `atmos.${fn}`,
        text,
        hint: `atmos.${fn} is not supported yet; replace it with a value`,
      });
      return new Computed(`atmos.${fn} ${text}`);
    };
  const atmos = new TemplateNamespace('atmos', {
    Component: component,
    Store: placeholder('Store', 4),
    GomplateDatasource: placeholder('GomplateDatasource', 1),
  });
  return Object.assign(envFunctions(host.env), { atmos: namespaceFunction(atmos) });
}

function stringArgs(fn: string, args: readonly unknown[], count: number): string[] {
  if (args.length !== count)
    throw new Error(`wrong number of args for ${fn}: want ${count} got ${args.length}`);
  return args.map((a, i) => {
    if (typeof a === 'string') return a;
    throw new Error(
      `${fn}: argument ${i + 1} must be a string, got ${a === null ? 'nil' : JSON.stringify(a)}`,
    );
  });
}

import type { ValueMap } from '../model/value.js';
import { renderTemplate } from '../template/index.js';
import { contextFromVars } from './context.js';

export interface NamingConfig {
  readonly namePattern: string;
  readonly nameTemplate: string;
}

export type StackNameResult =
  | {
      readonly ok: true;
      readonly name: string;
      readonly source: 'manifest' | 'template' | 'pattern' | 'file';
    }
  | {
      readonly ok: false;
      readonly from: 'template' | 'pattern';
      readonly message: string;
      readonly hint: string;
    };

const PATTERN_TOKENS = new Set(['namespace', 'tenant', 'environment', 'stage']);

/**
 * The logical stack name of one component instance (spec §2.4): the manifest's `name:`, else
 * `stacks.name_template` rendered over the component section, else `stacks.name_pattern` over its vars,
 * else the stack file path.
 */
export function stackNameOf(
  manifestName: unknown,
  naming: NamingConfig,
  section: ValueMap,
  stackFile: string,
  missingKey: 'error' | 'default' = 'error',
): StackNameResult {
  if (typeof manifestName === 'string' && manifestName !== '')
    return { ok: true, name: manifestName, source: 'manifest' };
  if (naming.nameTemplate !== '') {
    const r = renderTemplate(naming.nameTemplate, section, { name: 'stacks.name_template', missingKey });
    if (!r.ok) {
      return {
        ok: false,
        from: 'template',
        message: `stacks.name_template cannot be rendered: ${r.error.message}`,
        hint: 'set the variables the template reads (for example in an _defaults.yaml the stack imports)',
      };
    }
    return { ok: true, name: r.output, source: 'template' };
  }
  if (naming.namePattern !== '') return patternName(naming.namePattern, section);
  return { ok: true, name: stackFile, source: 'file' };
}

/** `{tenant}-{environment}-{stage}`: only namespace/tenant/environment/stage parts count (QUIRK, spec §2.4). */
function patternName(pattern: string, section: ValueMap): StackNameResult {
  const context = contextFromVars(section['vars']) as unknown as Record<string, string>;
  const parts: string[] = [];
  for (const part of pattern.split('-')) {
    const m = /^\{(\w+)\}$/.exec(part);
    if (!m || !PATTERN_TOKENS.has(m[1]!)) continue;
    const value = context[m[1]!];
    if (!value) {
      return {
        ok: false,
        from: 'pattern',
        message: `stacks.name_pattern '${pattern}' needs the variable '${m[1]}', which is not set`,
        hint: `set vars.${m[1]} in this stack (usually in an _defaults.yaml it imports)`,
      };
    }
    parts.push(value);
  }
  return { ok: true, name: parts.join('-'), source: 'pattern' };
}

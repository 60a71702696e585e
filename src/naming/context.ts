import type { ValueMap } from '../model/value.js';
import { isMap } from '../model/value.js';

/** The context tokens Atmos reads from a component's vars (never written into vars). */
export interface NamingContext {
  readonly namespace: string;
  readonly tenant: string;
  readonly environment: string;
  readonly stage: string;
  readonly region: string;
  readonly attributes: string;
}

export function contextFromVars(vars: unknown): NamingContext {
  const v: ValueMap = isMap(vars) ? vars : {};
  const s = (k: string) => (typeof v[k] === 'string' ? v[k] : '');
  const attrs = v['attributes'];
  return {
    namespace: s('namespace'),
    tenant: s('tenant'),
    environment: s('environment'),
    stage: s('stage'),
    region: s('region'),
    attributes: Array.isArray(attrs) ? attrs.filter((a) => typeof a === 'string').join('-') : '',
  };
}

/**
 * The function registry: Go builtins, the supported Sprig functions and
 * Gomplate's `strings` namespace.
 * Deterministic and side-effect free: no env, time, randomness or I/O.
 */
import type { TemplateFunction } from '../types.js';
import { goBuiltins } from './builtin.js';
import { gomplateNamespaces } from './gomplate-strings.js';
import { sprigDefaults } from './sprig-defaults.js';
import { sprigEncoding } from './sprig-encoding.js';
import { sprigLists } from './sprig-lists.js';
import { sprigMath } from './sprig-math.js';
import { sprigStrings } from './sprig-strings.js';

/** Every builtin template function, by name. Callers extend it via TemplateOptions.functions. */
export const builtinFunctions: Readonly<Record<string, TemplateFunction>> = Object.freeze({
  ...sprigStrings,
  ...sprigLists,
  ...sprigDefaults,
  ...sprigMath,
  ...sprigEncoding,
  ...gomplateNamespaces,
  ...goBuiltins,
});

/** Builtins overlaid with the caller's functions (own enumerable properties only). */
export function createFunctionTable(
  extra: Readonly<Record<string, TemplateFunction>> | undefined,
): Map<string, TemplateFunction> {
  const table = new Map<string, TemplateFunction>(Object.entries(builtinFunctions));
  for (const [name, fn] of Object.entries(extra ?? {})) {
    if (typeof fn !== 'function') throw new Error(`value for function "${name}" is not a function`);
    table.set(name, fn);
  }
  return table;
}

/**
 * The function registry: Go builtins, the supported Sprig functions and
 * Gomplate's deterministic namespaces (strings, conv, coll, math, data, path,
 * filepath, regexp, base64, crypto, test).
 * Deterministic and side-effect free: no env, time, randomness or I/O (the
 * `env` functions come from envFunctions, over an environment the caller passes).
 */
import type { TemplateFunction } from '../types.js';
import { goBuiltins } from './builtin.js';
import { gomplateBase64 } from './gomplate-base64.js';
import { gomplateColl } from './gomplate-coll.js';
import { gomplateConv } from './gomplate-conv.js';
import { gomplateCrypto } from './gomplate-crypto.js';
import { gomplateData } from './gomplate-data.js';
import { gomplateFilepath } from './gomplate-filepath.js';
import { gomplateMath } from './gomplate-math.js';
import { gomplatePath } from './gomplate-path.js';
import { gomplateRegexp } from './gomplate-regexp.js';
import { gomplateStrings } from './gomplate-strings.js';
import { gomplateTest } from './gomplate-test.js';
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
  ...gomplateStrings,
  ...gomplateConv,
  ...gomplateColl,
  ...gomplateMath,
  ...gomplateData,
  ...gomplatePath,
  ...gomplateFilepath,
  ...gomplateRegexp,
  ...gomplateBase64,
  ...gomplateCrypto,
  ...gomplateTest,
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

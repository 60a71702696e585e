import type { TemplateFunction } from '../types.js';

/**
 * Sprig's `env` and `expandenv` over an environment the caller passes in (never the process's own,
 * so rendering stays a pure function of its inputs).
 */
export function envFunctions(
  env: Readonly<Record<string, string | undefined>>,
): Record<string, TemplateFunction> {
  return {
    env: (name: unknown) => env[String(name)] ?? '',
    expandenv: (text: unknown) =>
      String(text).replace(
        /\$(?:\{(\w+)\}|(\w+))/g,
        (_m, braced: string | undefined, bare: string | undefined) => env[(braced ?? bare)!] ?? '',
      ),
  };
}

import { TemplateNamespace } from '../namespace.js';
import type { TemplateFunction } from '../types.js';
import { arity } from './args.js';
import { envMethods, expandEnv } from './gomplate-env.js';

/**
 * Sprig's `env` and `expandenv` over an environment the caller passes in (never the process's own,
 * so rendering stays a pure function of its inputs). Called without arguments, `env` is Gomplate's
 * `env` namespace over the same environment, so `{{ env "HOME" }}` and `{{ env.Getenv "HOME" "/" }}`
 * both work.
 */
export function envFunctions(
  env: Readonly<Record<string, string | undefined>>,
): Record<string, TemplateFunction> {
  const lookup = (name: string): string => env[name] ?? '';
  const namespace = new TemplateNamespace('env', envMethods(env));
  return {
    env: (...args) => {
      if (args.length === 0) return namespace;
      arity(args, 1);
      return lookup(String(args[0]));
    },
    expandenv: (...args) => {
      arity(args, 1);
      return expandEnv(String(args[0]), lookup);
    },
  };
}

import { createHash } from 'node:crypto';
import type { EvalHost } from '../evaluate/evaluate-section.js';
import type { IncludeReader } from '../resolve/includes.js';
import { stableJson } from '../compile/section-digest.js';

/**
 * Watches what a compile reads from outside the stack files: environment variables (recorded with
 * their values, so a cached stack is used only while they are the same), and anything that cannot be
 * keyed by content (commands, other instances' state, included files), which makes the run impure:
 * its results are not cached.
 */
export interface OutsideReads {
  readonly env: Readonly<Record<string, string | undefined>>;
  readonly envRead: ReadonlyMap<string, string | undefined>;
  readonly impure: boolean;
  host(host: EvalHost): EvalHost;
  include(reader: IncludeReader): IncludeReader;
}

export function observeOutside(env: Readonly<Record<string, string | undefined>>): OutsideReads {
  const envRead = new Map<string, string | undefined>();
  let impure = false;
  const recording = new Proxy(env, {
    get(target, name) {
      if (typeof name !== 'string') return undefined;
      const value = target[name];
      envRead.set(name, value);
      return value;
    },
  });
  const taint = () => {
    impure = true;
  };
  return {
    env: recording,
    envRead,
    get impure() {
      return impure;
    },
    host: (host) => ({
      ...host,
      env: recording,
      exec: (command) => (taint(), host.exec(command)),
      terraformState: (component, stack, output) => (taint(), host.terraformState(component, stack, output)),
      describeComponent: (component, stack) => (taint(), host.describeComponent(component, stack)),
    }),
    include: (reader) => (written, fromFile) => (taint(), reader(written, fromFile)),
  };
}

/** A stable hash of everything a compile depends on besides the manifests. */
export function runKey(parts: Record<string, unknown>): string {
  return createHash('sha1').update(stableJson(parts)).digest('hex');
}

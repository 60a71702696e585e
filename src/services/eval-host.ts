import { isAbsolute, join } from 'node:path';
import type { ComponentOutputs, EvalHost } from '../evaluate/evaluate-section.js';
import { execCommand } from '../io/exec-command.js';
import { readStateOutputs } from '../io/read-state.js';
import type { ValueMap } from '../model/value.js';
import { isMap } from '../model/value.js';
import { isUserError } from '../diagnostics/errors.js';
import { findComponent } from '../describe/find-component.js';
import type { ResolvedInstance } from './instance.js';
import { fromInstance } from './instance.js';
import type { Project } from './project.js';

/** The switches of an evaluation host, and the folder `!exec` runs in. */
export type EvalHostOptions = Omit<EvalHost, 'exec' | 'terraformState' | 'describeComponent'> & {
  readonly cwd: string;
};

type Described = ReturnType<EvalHost['describeComponent']>;

/**
 * The outside world of Phase C: the process environment, the git root, `!exec` (only when allowed),
 * and other instances' outputs where they can be read without terraform: a `static` remote-state
 * backend, or a local backend's state file. Remote backends answer `remote:` so the value stays a
 * placeholder until a run resolves it. Each instance is described once per host.
 */
export function evalHost(options: EvalHostOptions, project: () => Project): EvalHost {
  const reading = new Set<string>();
  const described = new Map<string, Described>();
  const { cwd: _cwd, ...switches } = options;

  const describe = (component: string, stack: string, via: string): Described => {
    const key = `${component}\u0000${stack}`;
    const cached = described.get(key);
    if (cached) return cached;
    if (reading.has(key))
      return { ok: false, message: `circular ${via} reference through '${component}' in '${stack}'` };
    reading.add(key);
    try {
      const result = describeInstance(project(), component, stack);
      described.set(key, result);
      return result;
    } finally {
      reading.delete(key);
    }
  };

  return {
    ...switches,
    exec: (command) => execCommand(command, options.cwd, options.env),
    describeComponent: (component, stack) => describe(component, stack, 'atmos.Component'),
    terraformState(component, stack, output) {
      const found = describe(component, stack, '!terraform.state');
      if (!found.ok) return found;
      if (!found.outputs.ok) return found.outputs;
      return pickOutput(found.outputs.value, component, stack, output);
    },
  };
}

function describeInstance(project: Project, component: string, stack: string): Described {
  const found = findComponent(project.set, component, stack);
  if (!found.ok) return { ok: false, message: `component '${component}' is not defined in stack '${stack}'` };
  const { instance } = found;
  const section = instance.section;
  if (instance.type !== 'terraform') return { ok: true, section, outputs: { ok: true, value: {} } };
  let resolved: ResolvedInstance;
  try {
    resolved = fromInstance(project, instance);
  } catch (e) {
    if (isUserError(e)) return { ok: false, message: e.message };
    throw e;
  }
  return {
    ok: true,
    section: {
      ...section,
      atmos_component: component,
      atmos_stack: resolved.stack,
      workspace: resolved.workspace,
    },
    outputs: outputsOf(resolved, component, stack),
  };
}

/** What `terraform output` would print, read without terraform: static remote state, or local state. */
function outputsOf(resolved: ResolvedInstance, component: string, stack: string): ComponentOutputs {
  const section = resolved.instance.section;
  if (section['remote_state_backend_type'] === 'static') {
    const staticOutputs = section['remote_state_backend'];
    return { ok: true, value: isMap(staticOutputs) ? staticOutputs : {} };
  }
  if (section['backend_type'] !== 'local') return { ok: false, message: 'remote: not a local backend' };
  const backend = isMap(section['backend']) ? section['backend'] : {};
  const workdir = resolved.files.workdir;
  const statePath = typeof backend['path'] === 'string' ? backend['path'] : 'terraform.tfstate';
  const workspaceDir =
    typeof backend['workspace_dir'] === 'string' ? backend['workspace_dir'] : 'terraform.tfstate.d';
  const file =
    resolved.workspace === 'default'
      ? abs(workdir, statePath)
      : join(abs(workdir, workspaceDir), resolved.workspace, 'terraform.tfstate');
  const state = readStateOutputs(file);
  if (state === undefined)
    return { ok: false, message: `'${component}' in stack '${stack}' has no state yet (${file})` };
  if (!state.ok)
    return {
      ok: false,
      message: `the state of '${component}' in stack '${stack}' (${file}) ${state.message}`,
    };
  const value = Object.fromEntries(Object.entries(state.outputs).map(([name, o]) => [name, o.value]));
  return { ok: true, value: value as ValueMap };
}

/** `output` or `output.sub.path` (a leading `.` allowed) from an outputs map. */
function pickOutput(
  outputs: ValueMap,
  component: string,
  stack: string,
  output: string,
): { ok: true; value: unknown } | { ok: false; message: string } {
  const [name, ...rest] = output.replace(/^\./, '').split('.');
  if (!name || !Object.hasOwn(outputs, name))
    return { ok: false, message: `'${component}' in stack '${stack}' has no output '${name ?? ''}'` };
  let value: unknown = outputs[name];
  for (const k of rest) value = isMap(value) ? value[k] : undefined;
  return { ok: true, value };
}

function abs(dir: string, path: string): string {
  return isAbsolute(path) ? path : join(dir, path);
}

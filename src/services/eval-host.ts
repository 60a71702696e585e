import { isAbsolute, join } from 'node:path';
import type { EvalHost } from '../evaluate/evaluate-section.js';
import { execCommand } from '../io/exec-command.js';
import { readStateOutputs } from '../io/read-state.js';
import { isMap } from '../model/value.js';
import type { StackSet } from '../compile/stack-set.js';
import { findComponent } from '../describe/find-component.js';
import { fromInstance } from './instance.js';
import type { Project } from './project.js';

/** The switches of an evaluation host, and the folder `!exec` runs in. */
export type EvalHostOptions = Omit<EvalHost, 'exec' | 'terraformState'> & { readonly cwd: string };

/**
 * The outside world of Phase C: the process environment, the git root, `!exec` (only when allowed),
 * and `!terraform.state` of local backends, read straight from the state file (no terraform run).
 * Remote backends answer `remote:` so the value stays a placeholder until a run resolves it.
 */
export function evalHost(options: EvalHostOptions, project: () => Project): EvalHost {
  const reading = new Set<string>();
  const { cwd: _cwd, ...switches } = options;
  return {
    ...switches,
    exec: (command) => execCommand(command, options.cwd, options.env),
    terraformState(component, stack, output) {
      const key = `${component}\u0000${stack}`;
      if (reading.has(key))
        return {
          ok: false,
          message: `circular !terraform.state reference through '${component}' in '${stack}'`,
        };
      reading.add(key);
      try {
        return readLocalState(project(), project().set, component, stack, output);
      } finally {
        reading.delete(key);
      }
    },
  };
}

function readLocalState(
  project: Project,
  set: StackSet,
  component: string,
  stack: string,
  output: string,
): { ok: true; value: unknown } | { ok: false; message: string } {
  const found = findComponent(set, component, stack);
  if (!found.ok) return { ok: false, message: `component '${component}' is not defined in stack '${stack}'` };
  const resolved = fromInstance(project, found.instance);
  const section = found.instance.section;
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
  const outputs = readStateOutputs(file);
  if (!outputs)
    return { ok: false, message: `'${component}' in stack '${stack}' has no state yet (${file})` };
  const [name, ...rest] = output.replace(/^\./, '').split('.');
  if (!name || !(name in outputs))
    return { ok: false, message: `'${component}' in stack '${stack}' has no output '${name ?? ''}'` };
  let value: unknown = outputs[name]!.value;
  for (const k of rest) value = isMap(value) ? value[k] : undefined;
  return { ok: true, value };
}

function abs(dir: string, path: string): string {
  return isAbsolute(path) ? path : join(dir, path);
}

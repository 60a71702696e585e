import { error } from '../diagnostics/diagnostic.js';
import { UserError } from '../diagnostics/errors.js';
import { findComponent } from '../describe/find-component.js';
import type { Instance } from '../compile/instance.js';
import { workspaceFor } from '../compile/instance.js';
import type { InstanceFiles } from '../emit/component-files.js';
import { instanceFiles } from '../emit/component-files.js';
import { isMap } from '../model/value.js';
import type { Project } from './project.js';

/** One terraform component instance, resolved for generating files or running terraform. */
export interface ResolvedInstance {
  readonly instance: Instance;
  readonly stack: string;
  readonly workspace: string;
  readonly files: InstanceFiles;
  readonly metadata: Readonly<Record<string, unknown>>;
}

export function resolveTerraformInstance(
  project: Project,
  component: string,
  stack: string,
): ResolvedInstance {
  // A run must not pick one of two different definitions: every manifest is searched.
  const found = findComponent(project.set, component, stack, { exhaustive: true });
  if (!found.ok) throw new UserError(found.diagnostics);
  return fromInstance(project, found.instance);
}

export function fromInstance(project: Project, instance: Instance): ResolvedInstance {
  const where = { file: project.set.context.display(instance.manifest.file) };
  if (instance.type !== 'terraform') {
    throw new UserError([
      error(
        'component-type',
        `'${instance.component}' is a ${instance.type} component; only terraform components run here`,
        where,
      ),
    ]);
  }
  const ws = workspaceFor(project.set, instance);
  if (!ws.ok) throw new UserError([error('template-error', ws.message, where)]);
  const stack = instance.stackName.ok ? instance.stackName.name : instance.manifest.stackFile;
  const files = instanceFiles({
    cli: project.cli,
    context: stack,
    component: instance.component,
    section: instance.section,
    workspace: ws.workspace,
  });
  const metadata = isMap(instance.section['metadata']) ? instance.section['metadata'] : {};
  return { instance, stack, workspace: ws.workspace, files, metadata };
}

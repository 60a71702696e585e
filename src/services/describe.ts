import { UserError } from '../diagnostics/errors.js';
import type { Diagnostic } from '../diagnostics/diagnostic.js';
import type { ValueMap } from '../model/value.js';
import { describeComponent } from '../describe/describe-component.js';
import type { DescribedComponent } from '../describe/describe-component.js';
import type { DescribeStacksOptions } from '../describe/describe-stacks.js';
import { describeStacks } from '../describe/describe-stacks.js';
import { findComponent } from '../describe/find-component.js';
import type { Project } from './project.js';

export function describeComponentService(
  project: Project,
  component: string,
  stack: string,
): DescribedComponent {
  const found = findComponent(project.set, component, stack);
  if (!found.ok) throw new UserError(found.diagnostics);
  const described = describeComponent(project.set, found.instance, stack);
  failOnErrors(problemsOfStack(project, found.instance.manifest.file, found.instance.manifest.imports));
  return described;
}

/** Errors in the manifest that defines a stack or in any file it imports (not in unrelated stacks). */
function problemsOfStack(project: Project, file: string, imports: readonly string[]): Diagnostic[] {
  const display = project.set.context.display;
  const own = display(file);
  const prefixes = imports.map((i) => `${display(i)}.`);
  return project.set.diagnostics.filter(
    (d) => d.file !== undefined && (d.file === own || prefixes.some((p) => d.file!.startsWith(p))),
  );
}

/** Problems that make a whole-organisation view wrong are errors; the view is still built to report them all. */
export function describeStacksService(
  project: Project,
  options: DescribeStacksOptions,
): Record<string, ValueMap> {
  const result = describeStacks(project.set, options);
  failOnErrors(project.set.diagnostics);
  return result;
}

export function failOnErrors(diagnostics: readonly Diagnostic[]): void {
  const errors = diagnostics.filter((d) => d.severity === 'error');
  if (errors.length > 0) throw new UserError(errors);
}

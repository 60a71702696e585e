import { UserError } from '../diagnostics/errors.js';
import type { Diagnostic } from '../diagnostics/diagnostic.js';
import type { ValueMap } from '../model/value.js';
import { describeComponent } from '../describe/describe-component.js';
import type { DescribedComponent } from '../describe/describe-component.js';
import type { DescribeStacksOptions } from '../describe/describe-stacks.js';
import { describeStacksLazily } from '../describe/describe-stacks.js';
import { findComponent } from '../describe/find-component.js';
import type { SpooledStacks, TextSpool } from '../describe/spooled-stacks.js';
import { UnspoolableName, describeStacksSpooled, memorySpool } from '../describe/spooled-stacks.js';
import type { OutputFormat } from '../describe/format.js';
import { renderEntries } from '../describe/format.js';
import { loadManifests } from '../compile/instance.js';
import type { Project } from './project.js';
import type { TerraformRunner } from '../io/terraform.js';
import { fromInstance } from './instance.js';
import { resolveRemoteOutputs } from './terraform.js';

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

/**
 * `describe component --resolve-remote`: as describeComponentService, with `!terraform.output` of
 * instances on remote backends read through terraform (init, workspace, `output -json`), as a run
 * would. Only when asked: inspection is hermetic otherwise.
 */
export async function describeComponentResolving(
  project: Project,
  component: string,
  stack: string,
  runner: TerraformRunner,
  env: Readonly<Record<string, string | undefined>>,
): Promise<DescribedComponent> {
  const found = findComponent(project.set, component, stack);
  if (!found.ok) throw new UserError(found.diagnostics);
  failOnErrors(problemsOfStack(project, found.instance.manifest.file, found.instance.manifest.imports));
  let instance = found.instance;
  if (instance.type === 'terraform' && instance.deferred.some((d) => d.call.tag === '!terraform.output')) {
    const label = `component '${component}' in stack '${stack}'`;
    instance = (await resolveRemoteOutputs(project, runner, fromInstance(project, instance), env, label))
      .instance;
  }
  return describeComponent(project.set, instance, stack);
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

/**
 * `describe stacks` as one value: the JSON the CLI prints (describeStacksSpooledService, through a
 * spool in memory), parsed, so tests of this value test the CLI's path.
 */
export function describeStacksService(
  project: Project,
  options: DescribeStacksOptions,
): Record<string, ValueMap> {
  const pieces = [...describeStacksSpooledService(project, options, memorySpool(), 'json').render()];
  const text = pieces.map((p) => (typeof p === 'string' ? p : Buffer.from(p).toString('utf8'))).join('');
  return JSON.parse(text) as Record<string, ValueMap>;
}

/**
 * `describe stacks` through a spool: broken input (YAML, imports, cycles) fails before any stack is
 * compiled; then every instance is compiled and rendered (problems are raised before any output),
 * holding only its text in the spool.
 */
export function describeStacksSpooledService(
  project: Project,
  options: DescribeStacksOptions,
  spool: TextSpool,
  format: OutputFormat = 'json',
): SpooledStacks {
  loadManifests(project.set);
  failOnErrors(project.set.diagnostics);
  let stacks: SpooledStacks;
  try {
    stacks = describeStacksSpooled(project.set, options, spool, format);
  } catch (e) {
    if (!(e instanceof UnspoolableName)) throw e;
    // A stack name YAML prints over several lines: rendered stack by stack from held sections.
    const entries = describeStacksLazily(project.set, options);
    stacks = {
      names: entries.names,
      render: () => renderEntries(entries.names, (n) => entries.take(n), format),
    };
  }
  failOnErrors(project.set.diagnostics);
  return stacks;
}

export function failOnErrors(diagnostics: readonly Diagnostic[]): void {
  const errors = diagnostics.filter((d) => d.severity === 'error');
  if (errors.length > 0) throw new UserError(errors);
}

import { resolve } from 'node:path';
import picomatch from 'picomatch';
import { error } from '../diagnostics/diagnostic.js';
import { UserError } from '../diagnostics/errors.js';
import type { EmitFile } from '../emit/emit-plan.js';
import { allInstances } from '../compile/instance.js';
import { writePlan } from '../io/write-plan.js';
import { isMap } from '../model/value.js';
import { failOnErrors } from './describe.js';
import type { ResolvedInstance } from './instance.js';
import { fromInstance, resolveTerraformInstance } from './instance.js';
import type { Project } from './project.js';
import type { Reporter } from './terraform.js';

export type GeneratedKind = 'varfile' | 'backend' | 'providers';

/** The file of one kind for one instance; `file` overrides its path (relative to the working folder). */
export function generatedFile(
  project: Project,
  resolved: ResolvedInstance,
  kind: GeneratedKind,
  file?: string,
  cwd?: string,
): EmitFile {
  const f = pick(project, resolved, kind);
  return file ? { path: resolve(cwd ?? '.', file), contents: f.contents } : f;
}

function pick(project: Project, r: ResolvedInstance, kind: GeneratedKind): EmitFile {
  const where = `component '${r.instance.component}' in stack '${r.stack}'`;
  if (kind === 'varfile') return r.files.varfile;
  if (kind === 'providers') {
    if (!r.files.providers)
      throw new UserError([
        error('section-invalid', `${where} has no providers section`, {
          hint: 'set providers: in the component or terraform: section',
        }),
      ]);
    return r.files.providers;
  }
  if (!r.files.backend) {
    throw new UserError([
      error('backend-type-missing', `${where} has no backend_type`, {
        hint: 'set terraform.backend_type and terraform.backend',
      }),
    ]);
  }
  const backend = isMap(r.instance.section['backend']) ? r.instance.section['backend'] : {};
  const type = r.instance.section['backend_type'];
  if (type === 's3' && !backend['workspace_key_prefix'])
    throw new UserError([error('section-invalid', `${where}: the s3 backend needs workspace_key_prefix`)]);
  if (type === 'gcs' && !backend['bucket'])
    throw new UserError([error('section-invalid', `${where}: the gcs backend needs a bucket`)]);
  void project;
  return r.files.backend;
}

export function generateOne(
  project: Project,
  kind: GeneratedKind,
  component: string,
  stack: string,
  file: string | undefined,
  reporter: Reporter,
  dryRun = false,
): void {
  const f = generatedFile(
    project,
    resolveTerraformInstance(project, component, stack),
    kind,
    file,
    project.cwd,
  );
  emit([f], reporter, dryRun);
}

export interface ManyFilter {
  readonly stacks?: readonly string[];
  readonly components?: readonly string[];
}

/** `generate varfiles|backends`: every non-abstract terraform instance, optionally filtered (stack globs). */
export function generateMany(
  project: Project,
  kind: 'varfile' | 'backend',
  filter: ManyFilter,
  reporter: Reporter,
  dryRun = false,
): number {
  const stackMatch = filter.stacks?.length ? picomatch([...filter.stacks]) : () => true;
  const files: EmitFile[] = [];
  for (const instance of allInstances(project.set, ['terraform'])) {
    const metadata = isMap(instance.section['metadata']) ? instance.section['metadata'] : {};
    if (metadata['type'] === 'abstract') continue;
    const stack = instance.stackName.ok ? instance.stackName.name : instance.manifest.stackFile;
    if (!stackMatch(stack)) continue;
    if (filter.components?.length && !filter.components.includes(instance.component)) continue;
    const resolved = fromInstance(project, instance);
    if (kind === 'backend' && !resolved.files.backend) continue;
    files.push(pick(project, resolved, kind));
  }
  failOnErrors(project.set.diagnostics);
  emit(files, reporter, dryRun);
  return files.length;
}

function emit(files: EmitFile[], reporter: Reporter, dryRun: boolean): void {
  if (dryRun) {
    for (const f of files) reporter.info(`would write ${f.path}:\n${f.contents}`);
    return;
  }
  const result = writePlan(files);
  for (const p of result.written) reporter.info(`wrote ${p}`);
  for (const p of result.unchanged) reporter.info(`unchanged ${p}`);
}

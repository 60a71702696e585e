import picomatch from 'picomatch';
import { isDeepStrictEqual } from 'node:util';
import type { Diagnostic } from '../diagnostics/diagnostic.js';
import { error } from '../diagnostics/diagnostic.js';
import { isMap } from '../model/value.js';
import { allInstances } from '../compile/instance.js';
import type { Instance } from '../compile/instance.js';
import { COMPONENT_TYPES } from '../compile/stack-set.js';
import { parseYaml } from '../load/parse-yaml.js';
import type { Project } from './project.js';
import { ComponentSchemas } from './component-schemas.js';
import { validateVars } from './validate-vars.js';
import { settingsValidation } from './settings-validation.js';
import { findComponent } from '../describe/find-component.js';
import { validateManifests } from './validate-manifests.js';

export interface ValidateResult {
  readonly stacks: number;
  readonly instances: number;
  readonly diagnostics: Diagnostic[];
}

/**
 * `validate stacks`: every manifest parses, imports resolve, no cycles, every component layers,
 * every stack can be named, and no component is defined differently for one stack in two top-level
 * manifests. Every problem is collected.
 */
export function checkStacks(project: Project): ValidateResult & { readonly all: readonly Instance[] } {
  const { set, cli } = project;
  const diagnostics: Diagnostic[] = [];
  const instances: Instance[] = [...allInstances(set, COMPONENT_TYPES)];
  // Files no stack imports still have to parse (catalog entries waiting to be used).
  const excluded = cli.stacks.excludedPaths.length
    ? picomatch([...cli.stacks.excludedPaths], { dot: true })
    : () => false;
  const topLevel = new Set(set.stackFiles);
  for (const file of set.index.files) {
    if (!/\.ya?ml$/.test(file) || excluded(file) || topLevel.has(file)) continue;
    const text = set.context.host.readFile(file);
    if (text !== undefined) diagnostics.push(...parseYaml(set.context.display(file), text).diagnostics);
  }
  const groups = new Map<string, Instance[]>();
  for (const instance of instances) {
    const abstract =
      isMap(instance.section['metadata']) && instance.section['metadata']['type'] === 'abstract';
    if (!instance.stackName.ok) {
      diagnostics.push(
        error('stack-name-unresolved', `stack cannot be named: ${instance.stackName.message}`, {
          file: set.context.display(instance.manifest.file),
          hint: instance.stackName.hint,
        }),
      );
      continue;
    }
    if (abstract) continue;
    const key = `${instance.type}\u0000${instance.component}\u0000${instance.stackName.name}`;
    groups.set(key, [...(groups.get(key) ?? []), instance]);
  }
  for (const group of groups.values()) {
    const first = group[0]!;
    const differing = group.filter(
      (i) => i.manifest.file !== first.manifest.file && !isDeepStrictEqual(i.section, first.section),
    );
    if (differing.length === 0) continue;
    const name = first.stackName.ok ? first.stackName.name : '';
    diagnostics.push(
      error(
        'component-duplicate',
        `component '${first.component}' in stack '${name}' is defined differently in more than one top-level manifest`,
        {
          file: set.context.display(first.manifest.file),
          hint: 'keep the component in one of these manifests, or make the definitions identical',
          related: [first, ...differing].map((i) => ({
            file: set.context.display(i.manifest.file),
            message: 'defines it',
          })),
        },
      ),
    );
  }
  const unique = dedupe([...set.diagnostics, ...diagnostics]);
  return { stacks: set.stackFiles.length, instances: instances.length, diagnostics: unique, all: instances };
}

/**
 * `validate stacks`: the structural checks above, then every real terraform instance's merged `vars`
 * against its component's variables (typed vars).
 */
export async function validateStacks(
  project: Project,
  env: Readonly<Record<string, string | undefined>> = {},
  strict = false,
): Promise<ValidateResult> {
  const checked = checkStacks(project);
  const manifests = validateManifests(project, env);
  const schemas = new ComponentSchemas(project.cli);
  const vars = await validateVars(project, checked.all, schemas, strict);
  const policies = checked.all
    .filter(isReal)
    .flatMap((i) => settingsValidation(project, i, i.stackName.ok ? i.stackName.name : i.manifest.stackFile));
  return {
    stacks: checked.stacks,
    instances: checked.instances,
    diagnostics: dedupe([
      ...checked.diagnostics,
      ...notReportedYet(manifests, checked.diagnostics),
      ...schemas.diagnostics,
      ...vars,
      ...policies,
    ]),
  };
}

/** `validate component <c> -s <stack>`: typed vars and settings.validation of one instance. */
export async function validateComponent(
  project: Project,
  component: string,
  stack: string,
  strict = false,
): Promise<Diagnostic[]> {
  const found = findComponent(project.set, component, stack);
  if (!found.ok) return found.diagnostics;
  const schemas = new ComponentSchemas(project.cli);
  const vars = await validateVars(project, [found.instance], schemas, strict);
  return [...schemas.diagnostics, ...vars, ...settingsValidation(project, found.instance, stack)];
}

/** A schema violation where the compiler already reported a problem is the same problem: report it once. */
function notReportedYet(schema: readonly Diagnostic[], reported: readonly Diagnostic[]): Diagnostic[] {
  const lines = new Set(reported.map((d) => `${d.file}:${d.position?.line}`));
  return schema.filter((d) => !lines.has(`${d.file}:${d.position?.line}`));
}

function isReal(instance: Instance): boolean {
  return !(isMap(instance.section['metadata']) && instance.section['metadata']['type'] === 'abstract');
}

function dedupe(list: Diagnostic[]): Diagnostic[] {
  const seen = new Set<string>();
  return list.filter((d) => {
    const key = `${d.code}|${d.file}|${d.position?.line}:${d.position?.column}|${d.message}`;
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}

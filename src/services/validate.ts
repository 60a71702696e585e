import picomatch from 'picomatch';
import { isDeepStrictEqual } from 'node:util';
import type { Diagnostic } from '../diagnostics/diagnostic.js';
import { error } from '../diagnostics/diagnostic.js';
import { isMap } from '../model/value.js';
import type { ValueMap } from '../model/value.js';
import { manifestInstances } from '../compile/instance.js';
import type { Instance } from '../compile/instance.js';
import { COMPONENT_TYPES } from '../compile/stack-set.js';
import { parseYaml } from '../load/parse-yaml.js';
import type { Project } from './project.js';
import { ComponentSchemas } from './component-schemas.js';
import type { VarsFinding } from './validate-vars.js';
import { VarsCheck, validateVars } from './validate-vars.js';
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
export function checkStacks(project: Project): ValidateResult {
  const checks = new StackChecks(project);
  for (const file of project.set.stackFiles) {
    checks.add(manifestInstances(project.set, file));
    project.set.release(file);
  }
  return checks.result();
}

/**
 * The structural checks, fed one manifest's instances at a time: only what the duplicate check needs is
 * kept of an instance (where it was defined), so a run never holds every stack's sections.
 */
export class StackChecks {
  readonly #diagnostics: Diagnostic[] = [];
  readonly #groups = new Map<
    string,
    { first: Definition; firstSection?: ValueMap; differing: Definition[] }
  >();
  #instances = 0;

  constructor(private readonly project: Project) {}

  get instances(): number {
    return this.#instances;
  }

  /** Whether nothing was reported, and no instance is defined differently in two manifests. */
  get clean(): boolean {
    return (
      this.#diagnostics.length === 0 && [...this.#groups.values()].every((g) => g.differing.length === 0)
    );
  }

  /** The type, component and stack of every real instance checked. */
  keys(): string[] {
    return [...this.#groups.keys()];
  }

  /** Counts another part's instances (its checks found nothing: see ValidatedPart.clean). */
  absorbCount(instances: number): void {
    this.#instances += instances;
  }

  add(manifestInstances: readonly Instance[]): void {
    const { set } = this.project;
    for (const type of COMPONENT_TYPES) {
      for (const instance of manifestInstances) {
        if (instance.type !== type) continue;
        this.#instances++;
        if (!instance.stackName.ok) {
          this.#diagnostics.push(
            error('stack-name-unresolved', `stack cannot be named: ${instance.stackName.message}`, {
              file: set.context.display(instance.manifest.file),
              hint: instance.stackName.hint,
            }),
          );
          continue;
        }
        if (!isReal(instance)) continue;
        const key = `${instance.type}\u0000${instance.component}\u0000${instance.stackName.name}`;
        const group = this.#groups.get(key);
        if (!group) {
          // Where it is defined, not its section: the section is read again only if another manifest
          // defines the same component for the same stack (rare), through the compile cache or a compile.
          this.#groups.set(key, { first: definition(instance), differing: [] });
          continue;
        }
        group.firstSection ??= sectionOf(set, group.first);
        if (!isDeepStrictEqual(instance.section, group.firstSection))
          group.differing.push(definition(instance));
      }
    }
  }

  result(): ValidateResult {
    const { set, cli } = this.project;
    const diagnostics: Diagnostic[] = [];
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
    diagnostics.push(...this.#diagnostics);
    for (const { first, differing } of this.#groups.values()) {
      if (differing.length === 0) continue;
      const name = first.stackName.ok ? first.stackName.name : '';
      diagnostics.push(
        error(
          'component-duplicate',
          `component '${first.component}' in stack '${name}' is defined differently in more than one top-level manifest`,
          {
            file: set.context.display(first.file),
            hint: 'keep the component in one of these manifests, or make the definitions identical',
            related: [first, ...differing].map((i) => ({
              file: set.context.display(i.file),
              message: 'defines it',
            })),
          },
        ),
      );
    }
    return {
      stacks: set.stackFiles.length,
      instances: this.#instances,
      diagnostics: dedupe([...set.diagnostics, ...diagnostics]),
    };
  }
}

/**
 * Where an instance is defined: what the duplicate check keeps of it (its manifest's path, not the
 * manifest: a stack's merged configuration is released once its instances are checked).
 */
type Definition = Pick<Instance, 'type' | 'component' | 'stackName'> & { readonly file: string };

function definition({ manifest, type, component, stackName }: Instance): Definition {
  return { file: manifest.file, type, component, stackName };
}

function sectionOf(set: Project['set'], instance: Definition): ValueMap {
  const again = manifestInstances(set, instance.file).find(
    (i) => i.type === instance.type && i.component === instance.component,
  );
  return again?.section ?? {};
}

/**
 * `validate stacks`: the structural checks above, then every real terraform instance's merged `vars`
 * against its component's variables (typed vars), and its `settings.validation` schemas, one manifest
 * at a time.
 */
export async function validateStacks(
  project: Project,
  env: Readonly<Record<string, string | undefined>> = {},
  strict = false,
): Promise<ValidateResult> {
  const part = new PartValidation(project, strict);
  await part.add(project.set.stackFiles);
  return finishValidation(project, env, part);
}

/**
 * A part of `validate stacks` (contiguous manifests) as plain data: what a worker thread answers
 * (parallel-validate.ts). Its typed-vars findings and policy problems are merged with the other
 * parts' in manifest order, which gives what one thread finds.
 */
export interface ValidatedPart {
  readonly instances: number;
  /** Type, component and stack of each real instance: one defined in two parts needs the single-threaded run. */
  readonly keys: readonly string[];
  readonly vars: readonly VarsFinding[];
  readonly policies: readonly Diagnostic[];
  /**
   * False when the part met a problem that only one thread reports as usual (a manifest that does not
   * load or compile, a stack that cannot be named, a duplicate, a component whose variables do not
   * parse): the run is then done again on one thread.
   */
  readonly clean: boolean;
}

/** The per-manifest checks of `validate stacks`, fed parts of the manifests in order. */
export class PartValidation {
  readonly checks: StackChecks;
  readonly schemas: ComponentSchemas;
  readonly vars: VarsCheck;
  readonly policies: Diagnostic[] = [];

  constructor(
    private readonly project: Project,
    strict: boolean,
  ) {
    this.checks = new StackChecks(project);
    this.schemas = new ComponentSchemas(project.cli);
    this.vars = new VarsCheck(project, this.schemas, strict);
  }

  /** Checks the manifests in order; `stop` is asked between manifests (another thread failed). */
  async add(files: Iterable<string>, stop: () => boolean = () => false): Promise<void> {
    const { set } = this.project;
    for (const file of files) {
      if (stop()) return;
      const instances = manifestInstances(set, file);
      this.checks.add(instances);
      await this.vars.add(instances);
      for (const i of instances) {
        if (isReal(i))
          this.policies.push(
            ...settingsValidation(this.project, i, i.stackName.ok ? i.stackName.name : i.manifest.stackFile),
          );
      }
      set.release(file);
    }
  }

  toPart(): ValidatedPart {
    return {
      instances: this.checks.instances,
      keys: this.checks.keys(),
      vars: this.vars.found(),
      policies: this.policies,
      clean:
        this.project.set.problemCount === 0 && this.checks.clean && this.schemas.diagnostics.length === 0,
    };
  }
}

/**
 * The checks that look at the whole organisation (files no stack imports, the manifest schema), then
 * every problem in its place. `others` are later parts, clean and defining none of this part's
 * instances (parallel-validate.ts checks both); their counts and findings are added to `part`, so a
 * part is finished once.
 */
export function finishValidation(
  project: Project,
  env: Readonly<Record<string, string | undefined>>,
  part: PartValidation,
  others: readonly ValidatedPart[] = [],
): ValidateResult {
  for (const other of others) {
    part.checks.absorbCount(other.instances);
    part.vars.absorb(other.vars);
  }
  const checked = part.checks.result();
  const manifests = validateManifests(project, env);
  return {
    stacks: checked.stacks,
    instances: checked.instances,
    diagnostics: dedupe([
      ...checked.diagnostics,
      ...notReportedYet(manifests, checked.diagnostics),
      ...part.schemas.diagnostics,
      ...part.vars.diagnostics(),
      ...part.policies,
      ...others.flatMap((o) => o.policies),
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

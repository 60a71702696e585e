import { isDeepStrictEqual } from 'node:util';
import type { Diagnostic } from '../diagnostics/diagnostic.js';
import { error } from '../diagnostics/diagnostic.js';
import { isMap } from '../model/value.js';
import type { ValueMap } from '../model/value.js';
import { manifestInstances } from '../compile/instance.js';
import type { Instance } from '../compile/instance.js';
import { COMPONENT_TYPES } from '../compile/stack-set.js';
import type { Project } from './project.js';
import { ComponentSchemas } from './component-schemas.js';
import type { ManifestVars, VarsFinding } from './validate-vars.js';
import type {
  CheckedFinding,
  CheckedManifest,
  LearnedRecord,
  ValidationIndex,
} from '../io/validation-index.js';
import { validationRecords } from './validation-records.js';
import { VarsCheck, validateVars } from './validate-vars.js';
import { settingsValidation } from './settings-validation.js';
import { findComponent } from '../describe/find-component.js';
import type { FileChecks } from './validate-manifests.js';
import { checkFiles } from './validate-manifests.js';

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
  return checks.result(checkFiles(project, {}, []).yaml);
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

  /**
   * A manifest's instances as a record of an earlier run has them (validation-index.ts): `real` is the
   * `type\u0000component` of each real instance, all named `stack`. False, and nothing added, when one
   * of them is already defined by another manifest: the manifest is then checked as usual, sections
   * compared.
   */
  addKnown(file: string, stack: string, real: readonly string[], instances: number): boolean {
    const defined = real.map((r) => {
      const [type, component] = r.split('\u0000') as [string, string];
      return { key: instanceKey(type, component, stack), first: { file, type, component, stack } };
    });
    if (defined.some(({ key }) => this.#groups.has(key))) return false;
    for (const { key, first } of defined) this.#groups.set(key, { first, differing: [] });
    this.#instances += instances;
    return true;
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
        const key = instanceKey(instance.type, instance.component, instance.stackName.name);
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

  /** The problems found, after the YAML errors of files no stack imports (`yaml`: checkFiles). */
  result(yaml: readonly Diagnostic[]): ValidateResult {
    const { set } = this.project;
    const diagnostics: Diagnostic[] = [...yaml];
    diagnostics.push(...this.#diagnostics);
    for (const { first, differing } of this.#groups.values()) {
      if (differing.length === 0) continue;
      const name = first.stack;
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

/** The duplicate check's key of an instance (also a worker thread part's keys: see ValidatedPart). */
function instanceKey(type: string, component: string, stack: string): string {
  return `${type}\u0000${component}\u0000${stack}`;
}

/**
 * Where an instance is defined: what the duplicate check keeps of it (its manifest's path, not the
 * manifest: a stack's merged configuration is released once its instances are checked).
 */
interface Definition {
  readonly file: string;
  readonly type: string;
  readonly component: string;
  readonly stack: string;
}

function definition({ manifest, type, component, stackName }: Instance): Definition {
  return { file: manifest.file, type, component, stack: stackName.ok ? stackName.name : '' };
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
  /** Every file its manifests were compiled from. */
  readonly imported: readonly string[];
  /** The records its checks made (validation-index.ts): the main thread saves them with its own. */
  readonly records: readonly LearnedRecord[];
  /**
   * False when the part met a problem that only one thread reports as usual (a manifest that does not
   * load or compile, a stack that cannot be named, a duplicate, a component whose variables do not
   * parse): the run is then done again on one thread.
   */
  readonly clean: boolean;
}

/**
 * The per-manifest checks of `validate stacks`, fed parts of the manifests in order. With the compile
 * cache, what each manifest's checks found is recorded (validation-index.ts), and a later run takes a
 * manifest whose record still holds from it, without reading its sections.
 */
export class PartValidation {
  readonly checks: StackChecks;
  readonly schemas: ComponentSchemas;
  readonly vars: VarsCheck;
  readonly policies: Diagnostic[] = [];
  /** Every file a checked manifest was compiled from (each is schema-checked: validate-manifests.ts). */
  readonly imported = new Set<string>();
  readonly #records: ValidationIndex | undefined;
  readonly #names = new Map<string, readonly string[]>();
  readonly #findings = new Map<string, CheckedFinding>();

  constructor(
    private readonly project: Project,
    strict: boolean,
  ) {
    this.checks = new StackChecks(project);
    this.schemas = new ComponentSchemas(project.cli);
    this.vars = new VarsCheck(project, this.schemas, strict);
    this.#records = validationRecords(project, strict);
  }

  /** Checks the manifests in order; `stop` is asked between manifests (another thread failed). */
  async add(files: Iterable<string>, stop: () => boolean = () => false): Promise<void> {
    const { set } = this.project;
    for (const file of files) {
      if (stop()) return;
      const known = this.#records?.lookup(file);
      if (known && this.#addKnown(file, known.checked)) {
        for (const [f] of known.deps) this.imported.add(f);
        continue;
      }
      const problems = set.problemCount;
      const instances = manifestInstances(set, file);
      const compiledFrom = instances[0]?.manifest.files ?? set.manifest(file)?.files ?? [];
      for (const f of compiledFrom) this.imported.add(f);
      this.checks.add(instances);
      // Kept per manifest only for the records (see #record).
      const vars = this.#records ? await this.vars.check(instances) : undefined;
      if (vars) this.vars.absorb(vars.findings);
      else await this.vars.add(instances);
      const policies: Diagnostic[] = [];
      const schemas = new Set<string>();
      for (const i of instances) {
        if (isReal(i))
          policies.push(
            ...settingsValidation(
              this.project,
              i,
              i.stackName.ok ? i.stackName.name : i.manifest.stackFile,
              (w) => schemas.add(w),
            ),
          );
      }
      this.policies.push(...policies);
      if (this.#records && vars && set.problemCount === problems)
        this.#record(this.#records, file, compiledFrom, instances, vars, policies, schemas);
      set.release(file);
    }
  }

  #addKnown(file: string, known: CheckedManifest): boolean {
    if (!this.checks.addKnown(file, known.stack, known.real, known.instances)) return false;
    const shown = this.project.set.context.display(file);
    this.vars.absorb(
      known.findings.map(([key, diagnostic, components, count]) => [
        key,
        diagnostic,
        components.map((component) => ({ file: shown, component, stack: known.stack })),
        count,
      ]),
    );
    this.policies.push(...known.policies);
    return true;
  }

  /**
   * Records what a manifest's checks found, when a later run can take it as it is: the manifest
   * compiled without problems, its instances have one stack name, and no component's variables
   * failed to parse (the record would hide that problem).
   */
  #record(
    records: ValidationIndex,
    file: string,
    compiledFrom: readonly string[],
    instances: readonly Instance[],
    vars: ManifestVars,
    policies: readonly Diagnostic[],
    schemas: ReadonlySet<string>,
  ): void {
    const names = new Set(instances.map((i) => (i.stackName.ok ? i.stackName.name : undefined)));
    if (names.has(undefined) || names.size > 1 || this.schemas.diagnostics.length > 0) return;
    const stack = instances[0]?.stackName.ok ? instances[0].stackName.name : '';
    const dependencies = this.project.cache?.dependencies(compiledFrom);
    if (!dependencies) return;
    records.learn(file, dependencies.deps, dependencies.env, {
      instances: instances.length,
      stack,
      real: this.#shared(instances.filter(isReal).map((i) => `${i.type}\u0000${i.component}`)),
      findings: vars.findings.map(([key, diagnostic, breaks, count]) =>
        this.#finding(key, diagnostic, this.#shared(breaks.map((b) => b.component)), count),
      ),
      policies,
      inputs: [
        ...[...vars.folders].sort().map((f) => `folder:${f}`),
        ...[...schemas].sort().map((w) => `schema:${w}`),
      ].map((input) => [input, records.inputHash(input)] as const),
    });
  }

  /** One array for each list of names the records hold (they repeat from stack to stack). */
  #shared(names: readonly string[]): readonly string[] {
    const key = names.join('\u0000');
    let known = this.#names.get(key);
    if (!known) this.#names.set(key, (known = names));
    return known;
  }

  /** One tuple for each finding the records hold (most repeat from stack to stack). */
  #finding(
    key: string,
    diagnostic: Diagnostic,
    components: readonly string[],
    count: number,
  ): CheckedFinding {
    const id = `${key}\u0001${components.join('\u0000')}\u0001${count}`;
    let known = this.#findings.get(id);
    if (!known) this.#findings.set(id, (known = [key, diagnostic, components, count]));
    return known;
  }

  /** The validation records of this run, if the compile cache is on. */
  get records(): ValidationIndex | undefined {
    return this.#records;
  }

  /** Records another part's checks made, saved with this part's when the run ends. */
  adopt(records: readonly LearnedRecord[]): void {
    this.#records?.adopt(records);
  }

  toPart(): ValidatedPart {
    return {
      instances: this.checks.instances,
      keys: this.checks.keys(),
      vars: this.vars.found(),
      policies: this.policies,
      records: this.#records?.learned() ?? [],
      imported: [...this.imported],
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
    part.adopt(other.records);
  }
  const files: FileChecks = checkFiles(
    project,
    env,
    [part.imported, ...others.map((o) => o.imported)].flatMap((s) => [...s]),
    part.records,
  );
  const checked = part.checks.result(files.yaml);
  const manifests = files.schema;
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

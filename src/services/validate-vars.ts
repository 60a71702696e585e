import type { Diagnostic, RelatedLocation } from '../diagnostics/diagnostic.js';
import { error } from '../diagnostics/diagnostic.js';
import { didYouMean } from '../diagnostics/suggest.js';
import type { Instance } from '../compile/instance.js';
import { isMap } from '../model/value.js';
import { FUNCTION_TAGS } from '../load/custom-tags.js';
import { baseComponentOf } from '../naming/workspace.js';
import type { Violation } from '../validate/ajv-messages.js';
import { violations } from '../validate/ajv-messages.js';
import type { ComponentSchemas } from './component-schemas.js';
import type { Project } from './project.js';
import { VarSources } from './var-sources.js';
import type { WrittenAt } from './var-sources.js';

/**
 * Typed `vars`: the merged vars of every real terraform instance against its component's schema. Each
 * problem is reported once, at the file and line that set the offending value, with the instances it
 * breaks. Unknown variables are only errors where a component or one of its bases sets them: vars that
 * reach every component from the stack's global or `terraform:` sections are allowed (terraform only
 * warns about them).
 */
export async function validateVars(
  project: Project,
  instances: readonly Instance[],
  schemas: ComponentSchemas,
  strict = false,
): Promise<Diagnostic[]> {
  const check = new VarsCheck(project, schemas, strict);
  await check.add(instances);
  return check.diagnostics();
}

/** An instance a typed-vars problem breaks: its manifest (as shown), component and stack. */
export interface Break {
  readonly file: string;
  readonly component: string;
  readonly stack: string;
}

/**
 * One typed-vars problem: its key, its diagnostic, the first instances it breaks (as many as the
 * report names) and how many it breaks in all.
 */
export type VarsFinding = readonly [
  key: string,
  diagnostic: Diagnostic,
  breaks: readonly Break[],
  count: number,
];

/** What one manifest's instances were checked against, and what they broke. */
export interface ManifestVars {
  readonly findings: VarsFinding[];
  /** The component folders whose variables were read. */
  readonly folders: ReadonlySet<string>;
}

/** Instances a report names for one problem; the others are counted ("and N more instances"). */
const NAMED = 5;

interface Found {
  readonly diagnostic: Diagnostic;
  readonly breaks: Break[];
  count: number;
}

/**
 * validateVars fed a manifest's instances at a time (`validate stacks` drops each manifest's sections
 * once checked): problems are collected across all of them, each reported once.
 */
export class VarsCheck {
  // Only the named instances are kept: a catalog entry's problem breaks every stack importing it.
  readonly #found = new Map<string, Found>();
  /**
   * The first key and diagnostic made for each problem: the same problem repeats in every stack that
   * imports the catalog entry, and each manifest's findings are kept (validation records) as one
   * shared pair, not thousands of copies.
   */
  readonly #firstMade = new Map<string, readonly [string, Diagnostic]>();
  readonly #sources: VarSources;

  constructor(
    private readonly project: Project,
    private readonly schemas: ComponentSchemas,
    private readonly strict: boolean,
  ) {
    this.#sources = new VarSources(project.set);
  }

  /** Checks instances and adds what they break (the breaks a report names are kept, the rest counted). */
  async add(instances: readonly Instance[]): Promise<void> {
    await this.#collect(instances, this.#found, new Set());
  }

  /** One manifest's findings, in the order found, without adding them (see absorb). */
  async check(instances: readonly Instance[]): Promise<ManifestVars> {
    const found = new Map<string, Found>();
    const folders = new Set<string>();
    await this.#collect(instances, found, folders);
    return { findings: asFindings(found), folders };
  }

  async #collect(
    instances: readonly Instance[],
    found: Map<string, Found>,
    folders: Set<string>,
  ): Promise<void> {
    const { project, strict } = this;
    for (const instance of instances) {
      if (instance.type !== 'terraform') continue;
      const metadata = isMap(instance.section['metadata']) ? instance.section['metadata'] : {};
      if (metadata['type'] === 'abstract') continue;
      const folder = baseComponentOf(instance.component, instance.section);
      folders.add(folder);
      const schema = await this.schemas.get(folder);
      if (!schema) continue;
      const vars = isMap(instance.section['vars']) ? instance.section['vars'] : {};
      if (schema.validate(vars)) continue;
      // A YAML function (`!terraform.output ...`, `!env ...`) is kept as text until it is evaluated:
      // its value is unknown here, so it is not a type error.
      const problems = violations(schema.validate.errors ?? [], vars).filter(
        (v) => !holdsFunction(vars, v.path),
      );
      if (problems.length === 0) continue;
      const stack = instance.stackName.ok ? instance.stackName.name : instance.manifest.stackFile;
      for (const v of problems) {
        const d = toDiagnostic(
          project,
          instance,
          v,
          v.kind === 'required' ? undefined : this.#sources.of(instance, v.path),
          schema.variables.map((x) => x.name),
          fileOf(schema.variables, v),
          folder,
          strict,
        );
        if (!d) continue;
        const [key, diagnostic] = this.#canonical(
          `${d.code}|${d.file}|${d.position?.line}:${d.position?.column}|${d.message}`,
          d,
        );
        let entry = found.get(key);
        if (!entry) found.set(key, (entry = { diagnostic, breaks: [], count: 0 }));
        entry.count++;
        if (entry.breaks.length < NAMED)
          entry.breaks.push({
            file: project.set.context.display(instance.manifest.file),
            component: instance.component,
            stack,
          });
      }
    }
  }

  #canonical(key: string, d: Diagnostic): readonly [string, Diagnostic] {
    let known = this.#firstMade.get(key);
    if (!known) this.#firstMade.set(key, (known = [key, d]));
    return known;
  }

  /** What was found so far, as plain data (a worker thread's part of `validate stacks`). */
  found(): VarsFinding[] {
    return asFindings(this.#found);
  }

  /** Adds findings made after this one's (manifest order): each problem still once. */
  absorb(findings: readonly VarsFinding[]): void {
    for (const [key, diagnostic, breaks, count] of findings) {
      const entry = this.#found.get(key);
      if (!entry) {
        this.#found.set(key, { diagnostic, breaks: [...breaks], count });
        continue;
      }
      entry.breaks.push(...breaks.slice(0, NAMED - entry.breaks.length));
      entry.count += count;
    }
  }

  diagnostics(): Diagnostic[] {
    return [...this.#found.values()]
      .map(({ diagnostic, breaks, count }) => ({ ...diagnostic, related: summarize(breaks, count) }))
      .sort(byLocation);
  }
}

function asFindings(found: ReadonlyMap<string, Found>): VarsFinding[] {
  return [...found].map(([key, { diagnostic, breaks, count }]) => [key, diagnostic, breaks, count]);
}

function toDiagnostic(
  project: Project,
  instance: Instance,
  v: Violation,
  written: WrittenAt | undefined,
  declared: readonly string[],
  declaredIn: string | undefined,
  folder: string,
  strict: boolean,
): Diagnostic | undefined {
  const name = `vars.${v.path.join('.')}`;
  if (v.kind === 'required') {
    const where = project.set.locate(
      instance.manifest.file,
      ['components', instance.type, instance.component],
      true,
    );
    return error('var-required', `\`${name}\` is required by the component '${folder}' but not set`, {
      ...where,
      hint: `set vars.${v.property} for this component (the variable has no default${declaredIn ? ` in ${declaredIn}` : ''})`,
    });
  }
  // Set in the stack's global vars or terraform.vars: reaches every component on purpose.
  if (v.kind === 'unknown' && written?.stackLevel) return undefined;
  const base = written?.where() ?? { file: project.set.context.display(instance.manifest.file) };
  if (v.kind === 'unknown') {
    const suggestion = didYouMean(v.property ?? '', declared);
    // Terraform only warns about a value for an undeclared variable, and Atmos repositories have them:
    // a warning unless --strict.
    return {
      ...error('var-unknown', `\`${name}\` is not a variable of the component '${folder}'`, {
        ...base,
        hint: suggestion ?? `declare it in components/terraform/${folder} or remove it`,
      }),
      severity: strict ? 'error' : 'warning',
    };
  }
  return error(v.kind === 'type' ? 'var-type' : 'var-invalid', `\`${name}\`: ${v.message}`, {
    ...base,
    ...(declaredIn ? { hint: `the variable is declared in ${declaredIn}` } : {}),
  });
}

function fileOf(variables: readonly { name: string; file: string }[], v: Violation): string | undefined {
  return variables.find((x) => x.name === v.path[0])?.file;
}

function summarize(breaks: readonly Break[], count: number): RelatedLocation[] {
  const named = breaks.map(({ file, component, stack }) => ({
    file,
    message: `breaks component '${component}' in stack '${stack}'`,
  }));
  return count <= NAMED ? named : [...named, { file: '', message: `and ${count - NAMED} more instances` }];
}

function byLocation(a: Diagnostic, b: Diagnostic): number {
  const fa = a.file ?? '';
  const fb = b.file ?? '';
  if (fa !== fb) return fa < fb ? -1 : 1;
  return (
    (a.position?.line ?? 0) - (b.position?.line ?? 0) || (a.position?.column ?? 0) - (b.position?.column ?? 0)
  );
}

function holdsFunction(vars: unknown, path: readonly string[]): boolean {
  let cur = vars;
  for (const k of path) {
    if (isFunctionLiteral(cur)) return true;
    cur = cur !== null && typeof cur === 'object' ? (cur as Record<string, unknown>)[k] : undefined;
  }
  return isFunctionLiteral(cur);
}

/** A YAML function kept as text, or a Go template rendered later: its value is not known yet. */
function isFunctionLiteral(v: unknown): boolean {
  if (typeof v === 'string' && v.includes('{{')) return true;
  if (typeof v !== 'string' || !v.startsWith('!')) return false;
  const tag = v.split(/\s/, 1)[0]!;
  return FUNCTION_TAGS.includes(tag);
}

import { relative } from 'node:path';
import { error } from '../diagnostics/diagnostic.js';
import { UserError } from '../diagnostics/errors.js';
import type { Instance } from '../compile/instance.js';
import { loadManifests, peekSection, sectionDigest, summarizedInstances } from '../compile/instance.js';
import { ABSENT } from '../compile/section-digest.js';
import { StackSet } from '../compile/stack-set.js';
import { changedFiles, defaultBase, gitRoot, gitStackHost, resolveRef } from '../io/git.js';
import { isMap } from '../model/value.js';
import { baseComponentOf } from '../naming/workspace.js';
import { componentPath } from '../describe/component-path.js';
import { nodeId } from '../graph/dependencies.js';
import { waves } from '../graph/waves.js';
import { projectGraph } from './graph.js';
import { openProject, projectCache, reportCacheStats } from './project.js';
import { memoryCache, memoryStore } from '../compile/memory-cache.js';
import { failOnErrors } from './describe.js';
import type { Project, ProjectOptions } from './project.js';

/** Sections compared, in Atmos's order of reasons (spec §11.2). */
const SECTIONS = [
  'vars',
  'env',
  'providers',
  'required_providers',
  'required_version',
  'generate',
  'backend',
  'backend_type',
  'remote_state_backend',
  'remote_state_backend_type',
  'auth',
  'command',
  'dependencies',
  'source',
  'provision',
];

export interface AffectedItem {
  readonly component: string;
  readonly component_type: string;
  readonly component_path: string;
  readonly stack: string;
  readonly stack_slug: string;
  readonly affected: string;
  readonly affected_all: readonly string[];
  readonly file?: string;
  readonly folder?: string;
  readonly deleted: boolean;
  readonly deletion_type: string;
  readonly dependents: readonly string[];
  readonly included_in_dependents: boolean;
}

export interface AffectedOptions {
  /** A git ref; default: the merge base of HEAD with the default branch. */
  readonly base?: string;
  readonly includeDependents: boolean;
}

/**
 * `describe affected`: the organisation compiled at the base ref (read through git, no checkout)
 * against the working tree. An instance is affected when its merged config changed (per section), its
 * component folder or its `dependencies.files`/`folders` changed, or it is new; deleted instances are
 * reported with `deleted: true`.
 */
export function describeAffected(options: ProjectOptions, affected: AffectedOptions): AffectedItem[] {
  // Without the disk cache, the two sides still compile a manifest whose files are the same once.
  const store = options.cache ? undefined : memoryStore();
  const current = openProject({ ...options, evaluate: false, ...(store ? { memoryStore: store } : {}) });
  const root = gitRoot(current.cwd);
  if (!root)
    throw new UserError([
      error('usage', 'describe affected needs a git repository', { hint: 'run it inside the repository' }),
    ]);
  const baseRef = affected.base ?? defaultBase(current.cwd);
  const commit = baseRef ? resolveRef(current.cwd, baseRef) : undefined;
  if (!commit) {
    throw new UserError([
      error('usage', `cannot resolve the base ref '${baseRef ?? '(default branch)'}'`, {
        hint: 'pass --base <branch, tag or commit>; fetch the default branch in CI',
      }),
    ]);
  }
  const cli = current.cli;
  const baseHost = gitStackHost(
    root,
    commit,
    relative(root, cli.stacks.basePath),
    relative(root, cli.terraform.basePath),
  );
  // Both sides share the compile cache: unchanged stacks are read from it on either side.
  const baseCache = options.cache
    ? projectCache(
        { ...options, evaluate: false },
        cli,
        baseHost,
        gitRoot(current.cwd),
        false,
        () => new Map(),
        undefined,
        current.cache?.keep,
      )
    : undefined;
  const base = new StackSet({
    cli,
    host: baseHost,
    display: current.set.context.display,
    ...(baseCache
      ? { cache: baseCache }
      : store
        ? { cache: memoryCache(store, baseHost.listFiles(), (f) => baseHost.readFile(f)) }
        : {}),
  });
  // A broken working tree fails before anything is compiled, and any problem fails the comparison:
  // a stack that does not compile would otherwise look deleted (and a CI job might destroy it).
  loadManifests(current.set);
  failOnErrors(current.set.diagnostics);
  const now = instancesById(current.set);
  failOnErrors(current.set.diagnostics);
  const before = instancesById(base);
  failOnErrors(
    base.diagnostics.map((d) => ({
      ...d,
      message: `at the base commit ${commit.slice(0, 12)}: ${d.message}`,
    })),
  );
  const changed = changedPaths(changedFiles(root, commit).map((f) => `${root}/${f}`));
  const items: AffectedItem[] = [];
  for (const [id, i] of now) {
    const reasons: string[] = [];
    const old = before.get(id);
    // Sections are compared by digest, so unchanged instances are never read from the cache.
    const path = componentPath(cli, i.type, folderOf(i));
    if (!old || sectionDigest(old, 'metadata') !== sectionDigest(i, 'metadata'))
      reasons.push('stack.metadata');
    const dir = `${cli.basePath}/${path}/`;
    if (changed.folders.has(dir)) reasons.push('component');
    for (const s of SECTIONS) {
      const digest = sectionDigest(i, s);
      if (old && digest !== ABSENT && sectionDigest(old, s) !== digest) reasons.push(`stack.${s}`);
    }
    if (old && sectionDigest(old, 'settings') !== sectionDigest(i, 'settings'))
      reasons.push('stack.settings');
    const dependencies = peekSection(i, 'dependencies');
    const deps = isMap(dependencies) ? dependencies : {};
    const file = list(deps['files']).find((f) =>
      changed.files.has(`${current.cwd}/${f}`.replace(/\/\.\//g, '/')),
    );
    const dirDep = list(deps['folders']).find((f) =>
      changed.folders.has(`${current.cwd}/${f}/`.replace(/\/\.\//g, '/')),
    );
    if (file) reasons.push('file');
    if (dirDep) reasons.push('folder');
    if (reasons.length === 0) continue;
    items.push(item(i, path, reasons, { ...(file ? { file } : {}), ...(dirDep ? { folder: dirDep } : {}) }));
  }
  const stacksNow = new Set([...now.values()].map(stackOf));
  for (const [id, i] of before) {
    if (now.has(id)) continue;
    const stackGone = !stacksNow.has(stackOf(i));
    items.push({
      ...item(i, componentPath(cli, i.type, folderOf(i)), [stackGone ? 'deleted.stack' : 'deleted'], {}),
      deleted: true,
      deletion_type: stackGone ? 'stack' : 'component',
    });
  }
  current.saveCache?.();
  baseCache?.flush();
  reportCacheStats(baseCache, options);
  if (affected.includeDependents) return withDependents(current, items);
  return items.sort((a, b) => (a.stack_slug < b.stack_slug ? -1 : 1));
}

/**
 * Changed files, and every folder that holds one (`a/b/`, `a/`...), for lookups per instance: a
 * repository with thousands of untracked files made a scan per instance quadratic.
 */
function changedPaths(files: readonly string[]): { files: Set<string>; folders: Set<string> } {
  const folders = new Set<string>();
  for (const f of files) {
    for (let i = f.indexOf('/', 1); i > 0; i = f.indexOf('/', i + 1)) folders.add(f.slice(0, i + 1));
  }
  return { files: new Set(files), folders };
}

function withDependents(project: Project, items: AffectedItem[]): AffectedItem[] {
  const { graph } = projectGraph(project);
  const affectedIds = new Set(items.map((i) => nodeId(i.stack, i.component)));
  return items
    .map((i) => {
      const deps = [...(graph.dependents.get(nodeId(i.stack, i.component)) ?? [])];
      return {
        ...i,
        dependents: deps,
        included_in_dependents: [...affectedIds].some((a) =>
          (graph.dependents.get(a) ?? []).includes(nodeId(i.stack, i.component)),
        ),
      };
    })
    .sort((a, b) => (a.stack_slug < b.stack_slug ? -1 : 1));
}

/** The GitHub Actions matrix; with waves, dependency waves of at most 256 jobs each. */
export function affectedMatrix(
  project: ProjectOptions,
  items: readonly AffectedItem[],
  withWaves: boolean,
): unknown {
  const include = items.map((i) => ({
    stack: i.stack,
    component: i.component,
    component_path: i.component_path,
    stack_slug: i.stack_slug,
    deleted: i.deleted,
  }));
  if (!withWaves) return { include };
  const { graph } = projectGraph(openProject({ ...project, evaluate: false }));
  const byId = new Map(include.map((e) => [nodeId(e.stack, e.component), e]));
  const live = [...byId.keys()].filter((id) => graph.nodes.has(id));
  const layered = waves(graph, live);
  const deletedWave = include.filter((e) => !graph.nodes.has(nodeId(e.stack, e.component)));
  const all = deletedWave.length
    ? [...layered.map((w) => w.map((id) => byId.get(id)!)), deletedWave]
    : layered.map((w) => w.map((id) => byId.get(id)!));
  const out: { wave: number; include: unknown[] }[] = [];
  for (const wave of all) {
    // GitHub allows 256 jobs per matrix: a bigger wave is split, keeping its order.
    for (let i = 0; i < wave.length; i += 256) {
      const n = out.length;
      out.push({ wave: n, include: wave.slice(i, i + 256).map((e) => ({ ...e, wave: n })) });
    }
  }
  return { waves: out };
}

/** The component folder (spec §5.3) from the small sections only. */
function folderOf(i: Instance): string {
  const metadata = peekSection(i, 'metadata');
  const component = peekSection(i, 'component');
  return baseComponentOf(i.component, {
    ...(metadata !== undefined ? { metadata } : {}),
    ...(component !== undefined ? { component } : {}),
  });
}

function instancesById(set: StackSet): Map<string, Instance> {
  const out = new Map<string, Instance>();
  for (const file of set.stackFiles) {
    for (const i of summarizedInstances(set, file)) {
      if (i.type !== 'terraform') continue;
      const peeked = peekSection(i, 'metadata');
      const metadata = isMap(peeked) ? peeked : {};
      if (metadata['type'] === 'abstract' || metadata['enabled'] === false) continue;
      const id = nodeId(stackOf(i), i.component);
      // Kept as digests: the sections of both sides of a large organisation need not be held at once.
      if (!out.has(id)) out.set(id, i);
    }
    set.release(file);
  }
  return out;
}

function stackOf(i: Instance): string {
  return i.stackName.ok ? i.stackName.name : i.manifest.stackFile;
}

function item(i: Instance, path: string, reasons: string[], extra: Partial<AffectedItem>): AffectedItem {
  const stack = stackOf(i);
  return {
    component: i.component,
    component_type: i.type,
    component_path: path,
    stack,
    stack_slug: `${stack}-${i.component}`.split('/').join('-'),
    affected: reasons[0]!,
    affected_all: reasons,
    deleted: false,
    deletion_type: '',
    dependents: [],
    included_in_dependents: false,
    ...extra,
  };
}

function list(v: unknown): string[] {
  return Array.isArray(v) ? v.filter((x): x is string => typeof x === 'string') : [];
}

/** A GitLab child pipeline: one job per affected instance, `needs:` on the affected ones it depends on. */
export function affectedGitlabPipeline(
  project: ProjectOptions,
  items: readonly AffectedItem[],
  subcommand: string,
): Record<string, unknown> {
  const { graph } = projectGraph(openProject({ ...project, evaluate: false }));
  const ids = new Set(items.map((i) => nodeId(i.stack, i.component)));
  const pipeline: Record<string, unknown> = { stages: [subcommand] };
  for (const i of items) {
    const id = nodeId(i.stack, i.component);
    const verb = i.deleted ? 'destroy' : subcommand;
    const extra = i.deleted || subcommand === 'apply' ? ' -- -auto-approve' : '';
    pipeline[id] = {
      stage: subcommand,
      script: [`npx strata terraform ${verb} ${i.component} -s ${i.stack}${extra}`],
      needs: (graph.dependsOn.get(id) ?? []).filter((d) => ids.has(d)),
    };
  }
  return pipeline;
}

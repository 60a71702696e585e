import picomatch from 'picomatch';
import { error } from '../diagnostics/diagnostic.js';
import { UserError, isUserError } from '../diagnostics/errors.js';
import { renderDiagnostics } from '../diagnostics/render.js';
import { table } from '../describe/table.js';
import { waves } from '../graph/waves.js';
import { parseQuery } from '../graph/query.js';
import type { TerraformRunner } from '../io/terraform.js';
import type { Subcommand } from '../run/terraform-plan.js';
import { projectGraph } from './graph.js';
import type { Project } from './project.js';
import type { Reporter, TerraformOptions } from './terraform.js';
import { runTerraform } from './terraform.js';

export interface ManyOptions {
  readonly subcommand: Subcommand;
  readonly stacks?: readonly string[];
  readonly components?: readonly string[];
  /** `--query`: keep instances whose merged config matches. */
  readonly query?: string;
  /** Print a `[k/N]` line as each instance finishes (on a terminal). */
  readonly progress?: boolean;
  /** Only these instance ids (`stack/component`), e.g. from `describe affected`. */
  readonly only?: readonly string[];
  /** Also run the dependents / dependencies (transitively) of the selection. */
  readonly includeDependents?: boolean;
  readonly includeDependencies?: boolean;
  readonly parallelism: number;
  readonly failureMode: 'fail-fast' | 'keep-going';
  readonly extraArgs: readonly string[];
  readonly dryRun: boolean;
  readonly skipInit: boolean;
  readonly env: Readonly<Record<string, string | undefined>>;
  /** A clock for durations (injected so tests are deterministic). */
  readonly now: () => number;
}

type Result = 'ok' | 'changes' | 'failed' | 'skipped' | 'not run';

interface Row {
  readonly id: string;
  result: Result;
  code: number;
  ms: number;
  note: string;
}

/**
 * `strata terraform <plan|apply|deploy|destroy> --all|--stacks|--components`: every selected real,
 * enabled terraform instance, in dependency waves (reverse for destroy), up to `parallelism` at once.
 * Output lines are prefixed with `stack/component`; a summary table ends the run. Exit code: 1 if any
 * instance failed, else 2 if a `-detailed-exitcode` plan has changes, else 0.
 */
export async function runMany(
  open: (resolveOutputs: boolean) => Project | Promise<Project>,
  runner: TerraformRunner,
  options: ManyOptions,
  reporter: Reporter,
): Promise<number> {
  const modifying = options.subcommand === 'apply' || options.subcommand === 'destroy';
  if (modifying && !options.extraArgs.includes('-auto-approve') && !options.dryRun) {
    throw new UserError([
      error('usage', `'${options.subcommand}' of several instances cannot ask for confirmation`, {
        hint: `review a plan first, then pass -- -auto-approve (or use 'deploy')`,
      }),
    ]);
  }
  // The graph comes from an inspection (placeholders for outputs not applied yet); each instance then
  // runs on a fresh compile, so it reads the outputs its dependencies just produced.
  const { graph } = projectGraph(await open(false));
  const stackMatch = options.stacks?.length ? picomatch([...options.stacks]) : () => true;
  const only = options.only ? new Set(options.only) : undefined;
  const parsed = options.query === undefined ? undefined : parseQuery(options.query);
  if (parsed && !parsed.ok) throw new UserError([error('usage', `--query: ${parsed.message}`)]);
  const query = parsed?.ok ? parsed.query : () => true;
  const selected = expand(
    graph,
    [...graph.nodes.values()]
      .filter(
        (n) =>
          n.type === 'terraform' &&
          stackMatch(n.stack) &&
          (!options.components?.length || options.components.includes(n.component)) &&
          (!only || only.has(n.id)) &&
          query(n.section),
      )
      .map((n) => n.id),
    options,
  );
  if (selected.length === 0) {
    throw new UserError([
      error('component-not-found', 'no component instance matches --stacks/--components', {
        hint: "run 'strata list instances'",
      }),
    ]);
  }
  let order = waves(graph, selected);
  if (options.subcommand === 'destroy') order = order.reverse();
  const rows = new Map<string, Row>(
    selected.map((id) => [id, { id, result: 'not run', code: 0, ms: 0, note: '' }]),
  );
  const failed = new Set<string>();
  let stop = false;
  for (const wave of order) {
    if (stop) break;
    const queue = [...wave];
    const worker = async () => {
      for (let id = queue.shift(); id !== undefined && !stop; id = queue.shift()) {
        const row = rows.get(id)!;
        const blocker = blockedBy(graph, id, failed, options.subcommand === 'destroy');
        if (blocker) {
          row.result = 'skipped';
          row.note = `${blocker} failed`;
          failed.add(id);
          continue;
        }
        const node = graph.nodes.get(id)!;
        const started = options.now();
        const code = await runOne(
          await open(true),
          runner,
          options,
          node.component,
          node.stack,
          `${id} | `,
          reporter,
        );
        row.ms = options.now() - started;
        row.code = code;
        const changes = code === 2 && options.extraArgs.includes('-detailed-exitcode');
        row.result = code === 0 ? 'ok' : changes ? 'changes' : 'failed';
        if (options.progress) {
          const done = [...rows.values()].filter((r) => r.result !== 'not run').length;
          reporter.info(`[${done}/${rows.size}] ${id}: ${row.result} (${(row.ms / 1000).toFixed(1)}s)`);
        }
        if (row.result === 'failed') {
          failed.add(id);
          if (options.failureMode === 'fail-fast') stop = true;
        }
      }
    };
    await Promise.all(
      Array.from({ length: Math.max(1, Math.min(options.parallelism, wave.length)) }, worker),
    );
  }
  const all = [...rows.values()].sort((a, b) => (a.id < b.id ? -1 : 1));
  reporter.info(
    `\n${table(
      ['INSTANCE', 'RESULT', 'DURATION', 'NOTE'],
      all.map((r) => [
        r.id,
        r.result,
        r.result === 'ok' || r.result === 'changes' || r.result === 'failed'
          ? `${(r.ms / 1000).toFixed(1)}s`
          : '',
        r.note,
      ]),
    )}`,
  );
  if (all.some((r) => r.result === 'failed' || r.result === 'skipped' || r.result === 'not run')) return 1;
  return all.some((r) => r.result === 'changes') ? 2 : 0;
}

/** Runs one instance; a user error (locked, unresolved value...) becomes a failed row, printed with its prefix. */
async function runOne(
  project: Project,
  runner: TerraformRunner,
  options: ManyOptions,
  component: string,
  stack: string,
  prefix: string,
  reporter: Reporter,
): Promise<number> {
  const single: TerraformOptions = {
    subcommand: options.subcommand,
    component,
    stack,
    extraArgs: options.extraArgs,
    fromPlan: false,
    skipInit: options.skipInit,
    dryRun: options.dryRun,
    interactive: false,
    env: options.env,
    prefix,
  };
  try {
    return await runTerraform(project, runner, single, {
      info: (m) =>
        reporter.info(
          m
            .split('\n')
            .map((l) => `${prefix}${l}`)
            .join('\n'),
        ),
    });
  } catch (e) {
    if (!isUserError(e)) throw e;
    reporter.info(
      renderDiagnostics(e.diagnostics)
        .trimEnd()
        .split('\n')
        .map((l) => `${prefix}${l}`)
        .join('\n'),
    );
    return 1;
  }
}

/** The selection plus, on request, everything that depends on it or that it depends on (transitively). */
function expand(
  graph: ReturnType<typeof projectGraph>['graph'],
  ids: string[],
  options: ManyOptions,
): string[] {
  const out = new Set(ids);
  const walk = (edges: ReadonlyMap<string, readonly string[]>) => {
    const queue = [...out];
    for (let id = queue.pop(); id !== undefined; id = queue.pop()) {
      for (const next of edges.get(id) ?? []) {
        if (!out.has(next) && graph.nodes.get(next)?.type === 'terraform') {
          out.add(next);
          queue.push(next);
        }
      }
    }
  };
  if (options.includeDependents) walk(graph.dependents);
  if (options.includeDependencies) walk(graph.dependsOn);
  return [...out];
}

/** The failed instance this one waits for, if any (its dependencies; its dependents for destroy). */
function blockedBy(
  graph: ReturnType<typeof projectGraph>['graph'],
  id: string,
  failed: ReadonlySet<string>,
  destroy: boolean,
): string | undefined {
  const next = destroy ? graph.dependents.get(id) : graph.dependsOn.get(id);
  return (next ?? []).find((d) => failed.has(d));
}

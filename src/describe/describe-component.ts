import type { Value, ValueMap } from '../model/value.js';
import type { CliConfig } from '../model/cli-config.js';
import type { Instance } from '../compile/instance.js';
import { workspaceFor } from '../compile/instance.js';
import type { StackSet } from '../compile/stack-set.js';
import { baseComponentOf } from '../naming/workspace.js';
import { componentPath } from './component-path.js';
import type { SourceLookup } from './sources.js';
import { atmosSources, provenanceMap } from './sources.js';

export interface DescribedComponent {
  readonly value: ValueMap;
  /** Provenance of every leaf (for YAML comments and JSON `sources.provenance`). */
  readonly provenance: ValueMap;
}

/** `describe component` in Atmos's `full` view (spec §7), with provenance from a traced pass. */
export function describeComponent(set: StackSet, instance: Instance, stack: string): DescribedComponent {
  const traced = set.compose(instance.manifest, instance.type, instance.component, true);
  const trace = traced?.trace ?? new Map();
  const lookup: SourceLookup = {
    stackFile: instance.manifest.stackFile,
    valueAt: (s) => set.valueAt(s),
    positionOf: (s) => set.positionOf(s),
  };
  const sources = atmosSources(instance.section, trace, lookup);
  const winners = new Set<string>();
  const all = new Set<string>([instance.manifest.stackFile]);
  for (const section of Object.values(sources)) {
    for (const entry of Object.values(section as ValueMap)) {
      const deps = (entry as ValueMap)['stack_dependencies'] as ValueMap[];
      deps.forEach((d, i) => {
        const file = d['stack_file'] as string;
        all.add(file);
        if (i === 0) winners.add(file);
      });
    }
  }
  const folder = baseComponentOf(instance.component, instance.section);
  const ws = instance.type === 'terraform' ? workspaceFor(set, instance) : undefined;
  const value: Record<string, Value> = {
    ...instance.section,
    atmos_cli_config: cliConfigView(set.context.cli),
    atmos_component: instance.component,
    atmos_stack: stack,
    stack,
    atmos_stack_file: instance.manifest.stackFile,
    atmos_manifest: instance.manifest.stackFile,
    cli_args: ['describe', 'component'],
    component_type: instance.type,
    component_info: {
      component_type: instance.type,
      component_path: componentPath(set.context.cli, instance.type, folder),
      terraform_config: null,
    },
    imports: [...instance.manifest.imports],
    sources,
    deps: [...winners].sort(),
    deps_all: [...all].sort(),
    tf_cli_vars: {},
  };
  if (ws?.ok) value['workspace'] = ws.workspace;
  return { value, provenance: provenanceMap(trace, lookup) };
}

function cliConfigView(cli: CliConfig): Value {
  return {
    base_path: typeof cli.raw['base_path'] === 'string' ? cli.raw['base_path'] : '.',
    components: {
      terraform: {
        base_path: cli.terraform.basePathRelative,
        command: cli.terraform.command,
        auto_generate_backend_file: cli.terraform.autoGenerateBackendFile,
        init_run_reconfigure: cli.terraform.initRunReconfigure,
        apply_auto_approve: cli.terraform.applyAutoApprove,
        deploy_run_init: cli.terraform.deployRunInit,
        ...(cli.terraform.workspacesEnabled === undefined
          ? {}
          : { workspaces_enabled: cli.terraform.workspacesEnabled }),
      },
    },
    stacks: {
      base_path: cli.stacks.basePathRelative,
      included_paths: [...cli.stacks.includedPaths],
      excluded_paths: [...cli.stacks.excludedPaths],
      name_pattern: cli.stacks.namePattern,
      name_template: cli.stacks.nameTemplate,
      inherit: { metadata: cli.stacks.inheritMetadata },
    },
  };
}

import type { CliConfig } from '../model/cli-config.js';

/** The config as `describe config` prints it: Atmos's keys, with absolute paths resolved. */
export function configView(cli: CliConfig): Record<string, unknown> {
  return {
    ...cli.raw,
    cli_config_path: cli.configFile ?? null,
    base_path: cli.basePath,
    stacks: {
      ...(typeof cli.raw['stacks'] === 'object' ? cli.raw['stacks'] : {}),
      base_path: cli.stacks.basePath,
      included_paths: cli.stacks.includedPaths,
      excluded_paths: cli.stacks.excludedPaths,
      name_pattern: cli.stacks.namePattern,
      name_template: cli.stacks.nameTemplate,
      inherit: { metadata: cli.stacks.inheritMetadata },
    },
    components: {
      ...(typeof cli.raw['components'] === 'object' ? cli.raw['components'] : {}),
      terraform: {
        base_path: cli.terraform.basePath,
        command: cli.terraform.command,
        auto_generate_backend_file: cli.terraform.autoGenerateBackendFile,
        workspaces_enabled: cli.terraform.workspacesEnabled ?? null,
        init_run_reconfigure: cli.terraform.initRunReconfigure,
        apply_auto_approve: cli.terraform.applyAutoApprove,
        deploy_run_init: cli.terraform.deployRunInit,
      },
    },
    settings: { list_merge_strategy: cli.listMergeStrategy },
  };
}

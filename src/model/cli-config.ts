/** The CLI configuration (strata.yaml / atmos.yaml) after defaults and path resolution. */
export type ListMergeStrategy = 'replace' | 'append' | 'merge';

export interface TerraformConfig {
  /** Absolute folder holding the Terraform root modules. */
  readonly basePath: string;
  /** The base path as written (relative to base_path), for output such as component_path. */
  readonly basePathRelative: string;
  readonly command: string;
  readonly autoGenerateBackendFile: boolean;
  /** undefined: workspaces are used; false: always the `default` workspace. */
  readonly workspacesEnabled: boolean | undefined;
  readonly initRunReconfigure: boolean;
  readonly applyAutoApprove: boolean;
  readonly deployRunInit: boolean;
  /** Replaces `/` in generated backend key prefixes. */
  readonly prefixSeparator: string;
}

export interface StacksConfig {
  /** Absolute folder holding the stack manifests. */
  readonly basePath: string;
  /** As written in the config (relative to base_path). */
  readonly basePathRelative: string;
  readonly includedPaths: readonly string[];
  readonly excludedPaths: readonly string[];
  readonly namePattern: string;
  readonly nameTemplate: string;
  /** `stacks.inherit.metadata` (default true). */
  readonly inheritMetadata: boolean;
}

export interface CliConfig {
  /** The file the configuration came from; undefined when built-in defaults are used. */
  readonly configFile: string | undefined;
  /** Absolute root of every other relative path. */
  readonly basePath: string;
  readonly stacks: StacksConfig;
  readonly terraform: TerraformConfig;
  readonly listMergeStrategy: ListMergeStrategy;
  /** `templates.settings.ignore_missing_template_values`. */
  readonly ignoreMissingTemplateValues: boolean;
  /** atmos.yaml `env`: the lowest layer of every component's env. */
  readonly env: Readonly<Record<string, unknown>>;
  /** The configuration as read, after defaults; printed by `describe config`. */
  readonly raw: Readonly<Record<string, unknown>>;
}

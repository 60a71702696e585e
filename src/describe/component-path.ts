import type { CliConfig } from '../model/cli-config.js';

/** Component folder relative to base_path, e.g. `components/terraform/vpc`. */
export function componentPath(cli: CliConfig, type: string, folder: string): string {
  const base = type === 'terraform' ? cli.terraform.basePathRelative : `components/${type}`;
  return [base.replace(/\/+$/, ''), folder].filter((p) => p !== '' && p !== '.').join('/');
}

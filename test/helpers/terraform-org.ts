/**
 * Pieces of the small organisations the real-terraform tests build: a CLI config for a `{stage}`
 * org that generates backends and runs init on deploy, and components made of `terraform_data`.
 */

/** atmos.yaml for stacks under `stacks/orgs`, named by `{stage}`; `extra` is appended as is. */
export function runnableAtmosYaml(extra = ''): string {
  return (
    'stacks:\n  base_path: stacks\n  included_paths: ["orgs/**/*"]\n  name_pattern: "{stage}"\n' +
    'components:\n  terraform:\n    base_path: components/terraform\n    auto_generate_backend_file: true\n' +
    '    init_run_reconfigure: true\n    deploy_run_init: true\n' +
    extra
  );
}

/** A component of string variables, one `terraform_data` resource of `input`, and outputs. */
export function terraformDataModule(
  variables: readonly string[],
  input: string,
  outputs: Readonly<Record<string, string>>,
): string {
  return [
    ...variables.map((v) => `variable "${v}" {\n  type = string\n}\n`),
    `resource "terraform_data" "this" {\n  input = ${input}\n}\n`,
    ...Object.entries(outputs).map(([name, value]) => `output "${name}" {\n  value = ${value}\n}\n`),
  ].join('');
}

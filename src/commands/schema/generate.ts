import { Flags } from '@oclif/core';
import { StrataCommand } from '../../cli/base-command.js';
import { generateSchemas } from '../../services/schema-generate.js';

export default class SchemaGenerate extends StrataCommand {
  static override summary =
    "Write JSON Schemas of every component's vars (from variables.tf) and an editor schema for stack manifests";
  static override description =
    'Writes <folder>.vars.schema.json for every Terraform component folder and stack-manifest.schema.json, in which components.terraform.<name>.vars is typed from that component. Prints the yaml-language-server settings (yaml.schemas, yaml.customTags) that use them, or merges them into .vscode/settings.json with --vscode.';
  static override flags = {
    out: Flags.string({ description: 'output folder (default: .strata/schemas under base_path)' }),
    vscode: Flags.boolean({
      description: 'merge yaml.schemas and yaml.customTags into .vscode/settings.json',
    }),
  };

  async run(): Promise<void> {
    const { flags } = await this.parse(SchemaGenerate);
    const result = await generateSchemas(await this.openProject(flags), {
      ...(flags.out ? { out: flags.out } : {}),
      vscode: flags.vscode,
    });
    for (const f of result.written) process.stderr.write(`wrote ${f}\n`);
    if (!flags.vscode) this.print(JSON.stringify(result.settings, null, 2));
  }
}

import { Args, Flags } from '@oclif/core';
import { StrataCommand, evaluationFlags, formatFlag } from '../../cli/base-command.js';
import { render, toYaml } from '../../describe/format.js';
import { describeComponentResolving, describeComponentService } from '../../services/describe.js';
import { execaRunner } from '../../io/terraform.js';

export default class DescribeComponent extends StrataCommand {
  static override summary = 'Show the merged configuration of one component in one stack';
  static override description =
    "Prints the component's final sections (vars, settings, env, backend, metadata...), its inheritance chain, imports, workspace and where each value came from. --provenance annotates every value with the file, line and column that set it.";
  static override examples = [
    '<%= config.bin %> describe component vpc -s plat-ue1-dev',
    '<%= config.bin %> describe component vpc -s plat-ue1-dev --provenance --format json',
  ];
  static override args = { component: Args.string({ required: true, description: 'component name' }) };
  static override flags = {
    stack: Flags.string({ char: 's', required: true, description: 'stack name (or a stack manifest path)' }),
    format: formatFlag,
    ...evaluationFlags,
    provenance: Flags.boolean({
      description: 'show the file, line and column of every value (YAML comments; JSON: sources.provenance)',
    }),
  };

  async run(): Promise<void> {
    const { args, flags } = await this.parse(DescribeComponent);
    const project = await this.openProject(flags);
    const described = flags['resolve-remote']
      ? await describeComponentResolving(project, args.component, flags.stack, execaRunner, process.env)
      : describeComponentService(project, args.component, flags.stack);
    if (!flags.provenance) {
      this.print(render(described.value, flags.format));
      return;
    }
    if (flags.format === 'json') {
      const sources = { ...(described.value['sources'] as object), provenance: described.provenance };
      this.print(render({ ...described.value, sources }, 'json'));
      return;
    }
    const comments = new Map<string, string>();
    for (const [path, chain] of Object.entries(described.provenance)) {
      const list = chain as { file: string; line?: number; column?: number }[];
      const where = list.map((c) => (c.line ? `${c.file}:${c.line}:${c.column}` : c.file));
      comments.set(
        path,
        where.length > 1 ? `${where[0]} (over ${where.slice(1).join(', ')})` : (where[0] ?? ''),
      );
    }
    this.print(toYaml(described.value, comments));
  }
}

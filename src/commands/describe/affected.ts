import { Flags } from '@oclif/core';
import { StrataCommand } from '../../cli/base-command.js';
import { render } from '../../describe/format.js';
import { affectedMatrix, describeAffected } from '../../services/affected.js';

export default class DescribeAffected extends StrataCommand {
  static override summary =
    'List the component instances a change affects, compared with a git ref (no second checkout)';
  static override examples = [
    '<%= config.bin %> describe affected',
    '<%= config.bin %> describe affected --base origin/main --include-dependents',
    '<%= config.bin %> describe affected --format matrix --waves >> "$GITHUB_OUTPUT"',
  ];
  static override flags = {
    base: Flags.string({
      description: 'git ref to compare with (default: the merge base of HEAD with the default branch)',
    }),
    'include-dependents': Flags.boolean({ description: 'add the dependents of every affected instance' }),
    format: Flags.option({
      char: 'f',
      options: ['json', 'yaml', 'matrix'] as const,
      default: 'json' as const,
      description: 'output format (matrix: GitHub Actions)',
    })(),
    waves: Flags.boolean({
      description: 'with --format matrix: group jobs into dependency waves of at most 256',
    }),
  };

  async run(): Promise<void> {
    const { flags } = await this.parse(DescribeAffected);
    const options = {
      cwd: process.cwd(),
      ...(flags.chdir ? { chdir: flags.chdir } : {}),
      ...(flags.config ? { configFile: flags.config } : {}),
      ...(flags['base-path'] ? { basePath: flags['base-path'] } : {}),
      env: process.env,
    };
    const items = describeAffected(options, {
      ...(flags.base ? { base: flags.base } : {}),
      includeDependents: flags['include-dependents'],
    });
    if (flags.format === 'matrix') this.print(JSON.stringify(affectedMatrix(options, items, flags.waves)));
    else this.print(render(items, flags.format));
  }
}

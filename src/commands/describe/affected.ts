import { Flags } from '@oclif/core';
import { StrataCommand } from '../../cli/base-command.js';
import { render, toYaml } from '../../describe/format.js';
import { writeGithubOutput } from '../../io/github-output.js';
import { affectedGitlabPipeline, affectedMatrix, describeAffected } from '../../services/affected.js';

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
      options: ['json', 'yaml', 'matrix', 'gitlab'] as const,
      default: 'json' as const,
      description: 'output format (matrix: GitHub Actions; gitlab: a child pipeline)',
    })(),
    waves: Flags.boolean({
      description: 'with --format matrix: group jobs into dependency waves of at most 256',
    }),
    'github-output': Flags.boolean({
      description: 'with --format matrix: write matrix=<json> to $GITHUB_OUTPUT (or a file when over 900 KB)',
    }),
    subcommand: Flags.option({
      options: ['plan', 'apply'] as const,
      default: 'plan' as const,
      description: 'with --format gitlab: what the jobs run',
    })(),
  };

  async run(): Promise<void> {
    const { flags } = await this.parse(DescribeAffected);
    const options = this.projectOptions(flags);
    const items = describeAffected(options, {
      ...(flags.base ? { base: flags.base } : {}),
      includeDependents: flags['include-dependents'],
    });
    if (flags.format === 'gitlab')
      return this.print(toYaml(affectedGitlabPipeline(options, items, flags.subcommand)));
    if (flags.format !== 'matrix') return this.print(render(items, flags.format));
    const json = JSON.stringify(affectedMatrix(options, items, flags.waves));
    const target = process.env['GITHUB_OUTPUT'];
    if (!flags['github-output'] || !target) return this.print(json);
    const how = writeGithubOutput(target, 'matrix', json, '.strata/affected-matrix.json');
    process.stderr.write(
      how === 'inline'
        ? 'wrote matrix to $GITHUB_OUTPUT\n'
        : 'matrix too big for $GITHUB_OUTPUT: wrote .strata/affected-matrix.json and matrix-file\n',
    );
  }
}

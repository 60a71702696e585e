import { once } from 'node:events';
import { Flags } from '@oclif/core';
import { StrataCommand, jobsFlag, commaList, evaluationFlags, formatFlag } from '../../cli/base-command.js';
import { describeStacksParallel } from '../../services/parallel-stacks.js';
import { fileSpool } from '../../io/text-spool.js';

export default class DescribeStacks extends StrataCommand {
  static override summary = 'Show every stack with the merged configuration of each component';
  static override examples = [
    '<%= config.bin %> describe stacks',
    '<%= config.bin %> describe stacks -s plat-ue1-dev --sections vars,backend --format json',
  ];
  static override flags = {
    stack: Flags.string({ char: 's', description: 'only this stack (logical name or manifest path)' }),
    components: Flags.string({ description: 'comma-separated component names (also matches their folders)' }),
    'component-types': Flags.string({ description: 'comma-separated component types, e.g. terraform' }),
    sections: Flags.string({ description: 'comma-separated sections to keep, e.g. vars,backend' }),
    'include-empty-stacks': Flags.boolean({ description: 'keep stacks without components' }),
    format: formatFlag,
    jobs: jobsFlag,
    ...evaluationFlags,
  };

  async run(): Promise<void> {
    const { flags } = await this.parse(DescribeStacks);
    const project = await this.openProject(flags);
    const options = {
      ...(flags.stack ? { stack: flags.stack } : {}),
      ...(commaList(flags.components) ? { components: commaList(flags.components)! } : {}),
      ...(commaList(flags['component-types'])
        ? { componentTypes: commaList(flags['component-types'])! }
        : {}),
      ...(commaList(flags.sections) ? { sections: commaList(flags.sections)! } : {}),
      includeEmptyStacks: flags['include-empty-stacks'],
    };
    // Each instance is rendered as it compiles and waits in a temporary file: memory stays bounded by
    // one stack, whatever the size of the organisation. Large organisations compile on every core.
    const spool = fileSpool();
    try {
      await describeStacksParallel(
        project,
        this.openOptions(flags),
        options,
        flags.format,
        flags.jobs,
        spool,
        (stacks) => write(stacks.render()),
      );
    } finally {
      spool.close();
    }
  }
}

/**
 * Writes stack by stack (an organisation's output can exceed what one string may hold), waiting for a
 * slow reader: stdout to a pipe is asynchronous, and would otherwise buffer everything.
 */
async function write(pieces: Iterable<string | Uint8Array>): Promise<void> {
  // Pieces are small (a key, an instance's text): written a megabyte at a time, not one write each.
  let batch: Uint8Array[] = [];
  let bytes = 0;
  const flush = async () => {
    const chunk = Buffer.concat(batch, bytes);
    batch = [];
    bytes = 0;
    if (!process.stdout.write(chunk)) await once(process.stdout, 'drain');
  };
  for (const piece of pieces) {
    const b = typeof piece === 'string' ? Buffer.from(piece, 'utf8') : piece;
    batch.push(b);
    bytes += b.length;
    if (bytes >= 1 << 20) await flush();
  }
  if (bytes > 0) await flush();
}

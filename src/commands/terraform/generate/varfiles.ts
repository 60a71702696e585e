import { GenerateManyCommand } from '../../../cli/generate-command.js';

export default class GenerateVarfiles extends GenerateManyCommand {
  static override summary =
    'Write the varfile file of every terraform component instance (abstract ones excluded)';
  protected readonly kind = 'varfile' as const;
}

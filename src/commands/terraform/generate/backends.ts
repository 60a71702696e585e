import { GenerateManyCommand } from '../../../cli/generate-command.js';

export default class GenerateBackends extends GenerateManyCommand {
  static override summary =
    'Write the backend file of every terraform component instance (abstract ones excluded)';
  protected readonly kind = 'backend' as const;
}

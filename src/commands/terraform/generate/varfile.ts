import { GenerateOneCommand } from '../../../cli/generate-command.js';

export default class GenerateVarfile extends GenerateOneCommand {
  static override summary =
    'Write the varfile file of one component instance (default: into the component folder)';
  protected readonly kind = 'varfile' as const;
}

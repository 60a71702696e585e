import { GenerateOneCommand } from '../../../cli/generate-command.js';

export default class GenerateProviders extends GenerateOneCommand {
  static override summary =
    'Write the providers file of one component instance (default: into the component folder)';
  protected readonly kind = 'providers' as const;
}

import { GenerateOneCommand } from '../../../cli/generate-command.js';

export default class GenerateBackend extends GenerateOneCommand {
  static override summary =
    'Write the backend file of one component instance (default: into the component folder)';
  protected readonly kind = 'backend' as const;
}

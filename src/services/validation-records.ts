/**
 * What `validate stacks` keeps of each manifest's checks between runs (io/validation-index.ts), and
 * the inputs besides the stack files that a record names: the component folders whose variables it
 * was checked against, and the `settings.validation` schema files, each by a hash of what it read.
 */
import type { ValidationIndex } from '../io/validation-index.js';
import { fileFingerprint, moduleFingerprint } from '../io/fingerprint.js';
import type { Project } from './project.js';
import { schemaPath } from './settings-validation.js';

/**
 * The project's records for this kind of run (one index per project and `--strict`, however often
 * asked); undefined without the compile cache (`--no-cache`).
 */
export function validationRecords(project: Project, strict: boolean): ValidationIndex | undefined {
  return project.cache?.validations(JSON.stringify({ strict: strict === true }), inputHasher(project));
}

function inputHasher(project: Project): (input: string) => string | null {
  const known = new Map<string, string | null>();
  return (input) => {
    let hash = known.get(input);
    if (hash !== undefined) return hash;
    if (input.startsWith('folder:')) hash = moduleFingerprint(project.cli.terraform.basePath, input.slice(7));
    else if (input.startsWith('schema:')) {
      // Where schema_path leads (it may depend on the working directory) and what the file holds.
      const path = schemaPath(project, input.slice(7));
      hash = path === undefined ? null : fileFingerprint(path);
    } else hash = null;
    known.set(input, hash);
    return hash;
  };
}

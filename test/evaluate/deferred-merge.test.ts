import { describe, expect, it } from 'vitest';
import { openProject } from '../../src/services/project.js';
import { describeComponentService } from '../../src/services/describe.js';
import { testdir } from '../helpers/testdir.js';

// Deferred merge (spec §13.1): a YAML function's result merges with the concrete values of the
// other layers at the same path, with the normal rules, once it is evaluated.
const config =
  'stacks:\n  base_path: stacks\n  included_paths: ["orgs/**/*"]\n  name_pattern: "{stage}"\ntemplates:\n  settings:\n    enabled: true\n';

function vars(components: string): Record<string, unknown> {
  const dir = testdir({
    'atmos.yaml': config,
    'stacks/orgs/dev.yaml': `vars: {stage: dev}
components:
  terraform:
    base:
      metadata: {type: abstract}
      settings:
        defaults: {enabled: true, timeout: 30}
      vars:
        from_function: !template '{{ toJson .settings.defaults }}'
        concrete_map: {a: 1, b: 1}
        zones: !template '["a", "b", "c"]'
${components}`,
  });
  return describeComponentService(openProject({ cwd: dir, env: {} }), 'app', 'dev').value['vars'] as Record<
    string,
    unknown
  >;
}

describe('deferred merge of YAML functions across component layers', () => {
  it('deep-merges a function’s map result with a concrete map above it', () => {
    const v = vars(
      '    app:\n      metadata: {inherits: [base]}\n      vars:\n        from_function: {enabled: false, extra: x}\n',
    );
    expect(v['from_function']).toEqual({ enabled: false, timeout: 30, extra: 'x' });
  });

  it('deep-merges a concrete map below with a function above it', () => {
    const v = vars(
      `    app:\n      metadata: {inherits: [base]}\n      vars:\n        concrete_map: !template '{"b": 2, "c": 3}'\n`,
    );
    expect(v['concrete_map']).toEqual({ a: 1, b: 2, c: 3 });
  });

  it('replaces a function’s list result with a concrete list (list strategy replace)', () => {
    const v = vars('    app:\n      metadata: {inherits: [base]}\n      vars:\n        zones: [x]\n');
    expect(v['zones']).toEqual(['x']);
  });

  it('keeps the function’s value when no other layer sets the path', () => {
    const v = vars('    app:\n      metadata: {inherits: [base]}\n');
    expect(v['from_function']).toEqual({ enabled: true, timeout: 30 });
    expect(v['zones']).toEqual(['a', 'b', 'c']);
  });
});

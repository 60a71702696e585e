import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { openProject } from '../../src/services/project.js';
import { generateSchemas } from '../../src/services/schema-generate.js';
import { REPO, testdir } from '../helpers/testdir.js';

describe('strata schema generate on the example', () => {
  it('produces exactly the schemas committed in examples/aws-org/.strata (run schema generate --vscode there after a change)', async () => {
    const out = testdir({});
    const result = await generateSchemas(openProject({ cwd: join(REPO, 'examples/aws-org'), env: {} }), {
      out,
      vscode: false,
    });
    const committed = join(REPO, 'examples/aws-org/.strata/schemas');
    expect(readdirSync(out).sort()).toEqual(readdirSync(committed).sort());
    for (const file of readdirSync(committed))
      expect(readFileSync(join(out, file), 'utf8'), file).toBe(readFileSync(join(committed, file), 'utf8'));
    const vscode = JSON.parse(readFileSync(join(REPO, 'examples/aws-org/.vscode/settings.json'), 'utf8'));
    expect(vscode['yaml.customTags']).toEqual(result.settings['yaml.customTags']);
  });

  it('types each component name’s vars from its folder, abstract bases included', async () => {
    const out = testdir({});
    await generateSchemas(openProject({ cwd: join(REPO, 'examples/aws-org'), env: {} }), {
      out,
      vscode: false,
    });
    const schema = JSON.parse(readFileSync(join(out, 'stack-manifest.schema.json'), 'utf8'));
    const components = schema.$defs.terraform_components.properties;
    expect(Object.keys(components)).toEqual(
      expect.arrayContaining(['vpc', 'vpc/defaults', 'app/api', 'log-bucket/cloudtrail']),
    );
    const vars = components['app/api'].allOf[1].properties.vars;
    expect(vars.additionalProperties).toBe(false);
    expect(vars.properties.cpu).toMatchObject({ type: ['number', 'null'] });
    expect(vars.required).toBeUndefined();
  });
});

describe('editor settings paths', () => {
  it.each([
    { name: 'stacks under base_path', stacks: 'stacks', glob: 'stacks/**/*.{yaml,yml}' },
    { name: 'stacks at base_path itself', stacks: '.', glob: '**/*.{yaml,yml}' },
  ])('maps the manifests with $name', async ({ stacks, glob }) => {
    const dir = testdir({
      'atmos.yaml': `stacks:\n  base_path: ${stacks}\n  included_paths: ["orgs/**/*"]\ncomponents:\n  terraform:\n    base_path: components/terraform\n`,
      [`${stacks}/orgs/dev.yaml`]: 'components:\n  terraform:\n    app: {vars: {a: 1}}\n',
      'components/terraform/app/main.tf': 'variable "a" {\n  type = number\n}\n',
    });
    const result = await generateSchemas(openProject({ cwd: dir, env: {} }), { vscode: false });
    expect(result.settings['yaml.schemas']).toEqual({ '.strata/schemas/stack-manifest.schema.json': [glob] });
  });
});

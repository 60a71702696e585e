import { chmodSync, existsSync, mkdirSync, readdirSync, readFileSync } from 'node:fs';
import { spawn } from 'node:child_process';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { UserError } from '../../src/diagnostics/errors.js';
import { openProject } from '../../src/services/project.js';
import { runTerraform } from '../../src/services/terraform.js';
import { fakeTerraform, terraformOptions } from '../helpers/fake-terraform.js';
import { REPO, testdir } from '../helpers/testdir.js';

const config = (command: string) => `stacks:
  base_path: stacks
  included_paths: ["orgs/**/*"]
  name_pattern: "{stage}"
components:
  terraform:
    base_path: components/terraform
    command: ${command}
`;
const stack = 'vars: {stage: dev}\ncomponents:\n  terraform:\n    app: {vars: {a: 1}}\n';

describe('signals', () => {
  it('passes SIGTERM on to terraform and waits for it to exit', async () => {
    // A stand-in for terraform that takes a moment to "release its lock" when interrupted.
    const dir = testdir({
      'fake-terraform.sh': `#!/bin/sh
case "$1" in plan) ;; *) exit 0 ;; esac
trap 'sleep 0.3; echo released > "${'$'}PWD/lock-released"; exit 130' TERM INT
echo started > "${'$'}PWD/started"
while true; do sleep 0.05; done
`,
      'stacks/orgs/dev.yaml': stack,
      'components/terraform/app/main.tf': '',
    });
    chmodSync(join(dir, 'fake-terraform.sh'), 0o755);
    const { writeFileSync } = await import('node:fs');
    writeFileSync(join(dir, 'atmos.yaml'), config(join(dir, 'fake-terraform.sh')));
    const child = spawn(
      process.execPath,
      [join(REPO, 'bin/run.js'), 'terraform', 'plan', 'app', '-s', 'dev', '--skip-init'],
      { cwd: dir, stdio: 'ignore' },
    );
    const workdir = join(dir, 'components/terraform/app');
    for (let i = 0; i < 200 && !existsSync(join(workdir, 'started')); i++)
      await new Promise((r) => setTimeout(r, 25));
    expect(existsSync(join(workdir, 'started'))).toBe(true);
    child.kill('SIGTERM');
    const code = await new Promise<number | null>((r) => child.on('close', (c) => r(c)));
    expect(readFileSync(join(workdir, 'lock-released'), 'utf8').trim()).toBe('released');
    expect(code).toBe(130);
  });
});

describe('writing generated files', () => {
  it('leaves nothing half-written when a varfile cannot be written', async () => {
    const dir = testdir({
      'atmos.yaml': config('terraform'),
      'stacks/orgs/dev.yaml': stack,
      'components/terraform/app/main.tf': '',
    });
    // A folder where the varfile should go: the rename over it fails.
    mkdirSync(join(dir, 'components/terraform/app/dev-app.terraform.tfvars.json'));
    const tf = fakeTerraform();
    let failure: UserError | undefined;
    try {
      await runTerraform(openProject({ cwd: dir, env: {} }), tf, terraformOptions({ component: 'app' }), {
        info: () => undefined,
      });
    } catch (e) {
      failure = e as UserError;
    }
    expect(failure?.diagnostics[0]?.code).toBe('write-failed');
    expect(tf.steps).toEqual([]);
    expect(readdirSync(join(dir, 'components/terraform/app')).filter((f) => f.endsWith('.tmp'))).toEqual([]);
  });
});

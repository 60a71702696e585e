import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterEach, describe, expect, it } from 'vitest';
import { runCliAsync, testdir } from '../helpers/testdir.js';
import { runnableAtmosYaml, terraformDataModule } from '../helpers/terraform-org.js';

// A remote backend without a network: Terraform's `http` backend against a state server in this
// process. `describe` must not contact it unless asked (--resolve-remote); runs read through terraform.
interface StateServer {
  readonly url: string;
  readonly requests: string[];
  close(): Promise<void>;
}

async function stateServer(): Promise<StateServer> {
  const states = new Map<string, string>();
  const requests: string[] = [];
  const server = createServer((req, res) => {
    requests.push(`${req.method} ${req.url}`);
    const key = req.url ?? '/';
    if (req.method === 'GET') {
      const state = states.get(key);
      res.writeHead(state ? 200 : 404).end(state);
      return;
    }
    let body = '';
    req.on('data', (c: Buffer) => (body += c.toString()));
    req.on('end', () => {
      if (req.method === 'POST') states.set(key, body);
      if (req.method === 'DELETE') states.delete(key);
      res.writeHead(200).end();
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    requests,
    close: () => new Promise((resolve) => server.close(() => resolve())),
  };
}

let server: StateServer | undefined;
afterEach(async () => {
  await server?.close();
  server = undefined;
});

const org = (url: string) =>
  testdir({
    'atmos.yaml': runnableAtmosYaml(),
    'stacks/orgs/dev.yaml': `vars: {stage: dev}
terraform:
  backend_type: local
  backend: {local: {}}
components:
  terraform:
    vpc:
      backend_type: http
      backend:
        http: {address: "${url}/vpc"}
      vars: {cidr: 10.0.0.0/16}
    app:
      vars:
        vpc_id: !terraform.output vpc vpc_id
`,
    'components/terraform/vpc/main.tf': terraformDataModule(['cidr', 'stage'], '"vpc-${var.stage}"', {
      vpc_id: 'terraform_data.this.output',
    }),
    'components/terraform/app/main.tf': terraformDataModule(['vpc_id', 'stage'], 'var.vpc_id', {
      vpc_id: 'terraform_data.this.output',
    }),
  });

const env = { TF_CLI_CONFIG_FILE: '/dev/null' };

describe('!terraform.output of a remote backend', () => {
  it('stays a placeholder in describe, is read through terraform with --resolve-remote and in runs', async () => {
    server = await stateServer();
    const dir = org(server.url);
    const describeApp = (...extra: string[]) =>
      runCliAsync(['describe', 'component', 'app', '-s', 'dev', '-f', 'json', ...extra], dir, env);

    const hermetic = await describeApp();
    expect(hermetic.exitCode, hermetic.stderr).toBe(0);
    expect(JSON.parse(hermetic.stdout).vars.vpc_id).toBe('(computed: !terraform.output vpc vpc_id)');
    expect(server.requests).toEqual([]);

    const deployVpc = await runCliAsync(['terraform', 'deploy', 'vpc', '-s', 'dev'], dir, env);
    expect(deployVpc.exitCode, deployVpc.stderr).toBe(0);
    expect(server.requests).toContain('POST /vpc');

    const resolved = await describeApp('--resolve-remote');
    expect(resolved.exitCode, resolved.stderr).toBe(0);
    // stdout is only the JSON document: terraform's own output went to stderr.
    expect(JSON.parse(resolved.stdout).vars.vpc_id).toBe('vpc-dev');

    const deployApp = await runCliAsync(['terraform', 'deploy', 'app', '-s', 'dev'], dir, env);
    expect(deployApp.exitCode, deployApp.stderr).toBe(0);
    const out = await runCliAsync(['terraform', 'output', 'app', '-s', 'dev', '--', '-json'], dir, env);
    expect(JSON.parse(out.stdout).vpc_id.value).toBe('vpc-dev');
  });
});

import { describe, expect, it } from 'vitest';
import { instanceNames } from '../../src/emit/file-names.js';
import { backendDocument, providersDocument } from '../../src/emit/backend.js';
import { generatedJson } from '../../src/emit/json.js';
import { generatedFile } from '../../src/services/generate.js';
import { resolveTerraformInstance } from '../../src/services/instance.js';
import { atmosYaml, memoryProject } from '../helpers/memory-project.js';

describe('file names (spec §9.1)', () => {
  it.each([
    {
      component: 'vpc',
      folder: undefined,
      varfile: 'plat-ue2-dev-vpc.terraform.tfvars.json',
      planfile: 'plat-ue2-dev-vpc.planfile',
      dir: 'vpc',
    },
    {
      component: 'vpc/1',
      folder: 'vpc',
      varfile: 'plat-ue2-dev-1.terraform.tfvars.json',
      planfile: 'plat-ue2-dev-1.planfile',
      dir: 'vpc',
    },
    {
      component: 'infra/vpc',
      folder: undefined,
      varfile: 'plat-ue2-dev-infra-vpc.terraform.tfvars.json',
      planfile: 'plat-ue2-dev-infra-vpc.planfile',
      dir: 'infra/vpc',
    },
    {
      component: 'vpc-east',
      folder: 'infra/vpc',
      varfile: 'plat-ue2-dev-infra-vpc-east.terraform.tfvars.json',
      planfile: 'plat-ue2-dev-infra-vpc-east.planfile',
      dir: 'infra/vpc',
    },
  ])('$component with folder $folder', ({ component, folder, varfile, planfile, dir }) => {
    const section: Record<string, any> = folder
      ? { component: folder, metadata: { component: folder } }
      : { component };
    expect(instanceNames('plat-ue2-dev', component, section)).toEqual({ folder: dir, varfile, planfile });
  });

  it('replaces / of a file-path stack name so files stay in the component folder', () => {
    expect(instanceNames('orgs/acme/dev', 'vpc', {}).varfile).toBe('orgs-acme-dev-vpc.terraform.tfvars.json');
  });
});

describe('generated JSON (spec §9.2–9.5)', () => {
  it('sorts keys, indents by 2, keeps < > & unescaped and ends with a newline', () => {
    expect(generatedJson({ b: 1, a: { d: '<x & y>', c: null } })).toBe(
      '{\n  "a": {\n    "c": null,\n    "d": "<x & y>"\n  },\n  "b": 1\n}\n',
    );
  });

  it.each([
    [
      's3',
      { bucket: 'b', key: 'terraform.tfstate', workspace_key_prefix: 'vpc' },
      {
        terraform: {
          backend: { s3: { bucket: 'b', key: 'terraform.tfstate', workspace_key_prefix: 'vpc' } },
        },
      },
    ],
    ['local', {}, { terraform: { backend: { local: {} } } }],
    ['remote', { organization: 'acme' }, { terraform: { backend: { remote: { organization: 'acme' } } } }],
    [
      'cloud',
      { organization: 'acme', workspaces: { name: 'x-{terraform_workspace}' } },
      { terraform: { cloud: { organization: 'acme', workspaces: { name: 'x-plat-dev' } } } },
    ],
  ])('backend.tf.json for %s', (type, backend, expected) => {
    expect(backendDocument(type, backend, 'plat-dev')).toEqual(expected);
  });

  it('groups provider aliases after their base block, sorted', () => {
    expect(
      providersDocument({
        'aws.use1': { region: 'us-east-1' },
        aws: { region: 'us-east-2' },
        'aws.euw1': { region: 'eu-west-1', alias: 'ireland' },
        google: { project: 'p' },
      }),
    ).toEqual({
      provider: {
        aws: [
          { region: 'us-east-2' },
          { alias: 'ireland', region: 'eu-west-1' },
          { alias: 'use1', region: 'us-east-1' },
        ],
        google: { project: 'p' },
      },
    });
  });
});

describe('generate for a stack', () => {
  const tree = {
    'atmos.yaml': atmosYaml().replace(
      'stacks:\n',
      'stacks:\n  name_pattern: "{tenant}-{environment}-{stage}"\n',
    ),
    'stacks/orgs/dev.yaml': `vars: {tenant: plat, environment: ue2, stage: dev}
terraform:
  backend_type: s3
  backend: {s3: {bucket: acme-tfstate, encrypt: true, key: terraform.tfstate, region: us-east-2}}
  providers: {aws: {region: us-east-2}}
components:
  terraform:
    vpc/1:
      metadata: {component: vpc}
      vars: {cidr: 10.0.0.0/16, tags: {Team: net}}
`,
  };
  const resolved = () => resolveTerraformInstance(memoryProject(tree), 'vpc/1', 'plat-ue2-dev');

  it('writes the final vars as the varfile, byte for byte', () => {
    const f = generatedFile(memoryProject(tree), resolved(), 'varfile');
    expect(f.path).toBe('/repo/components/terraform/vpc/plat-ue2-dev-1.terraform.tfvars.json');
    expect(f.contents).toBe(
      '{\n  "cidr": "10.0.0.0/16",\n  "environment": "ue2",\n  "stage": "dev",\n  "tags": {\n    "Team": "net"\n  },\n  "tenant": "plat"\n}\n',
    );
  });

  it('writes the backend with the s3 workspace_key_prefix default from the folder', () => {
    const f = generatedFile(memoryProject(tree), resolved(), 'backend');
    expect(JSON.parse(f.contents)).toEqual({
      terraform: {
        backend: {
          s3: {
            bucket: 'acme-tfstate',
            encrypt: true,
            key: 'terraform.tfstate',
            region: 'us-east-2',
            workspace_key_prefix: 'vpc',
          },
        },
      },
    });
    expect(resolved().workspace).toBe('plat-ue2-dev-vpc-1');
  });

  it('writes providers_override.tf.json from the providers section', () => {
    expect(JSON.parse(generatedFile(memoryProject(tree), resolved(), 'providers').contents)).toEqual({
      provider: { aws: { region: 'us-east-2' } },
    });
  });
});

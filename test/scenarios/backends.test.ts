import { describe, expect, it } from 'vitest';
import { component, validate } from '../helpers/describe.js';
import { config, repo, y } from './fixture.js';

// Spec §5.1 (backend, remote_state_backend, providers layers) and §8.3 (backend defaults).
// Atmos: internal/exec/stack_processor_backend.go, metadata_inheritance_test.go,
// scenarios abstract-component-backend and atmos-providers-section.

const components = y`
  components:
    terraform:
      vpc: {}
      infra/vpc: {}
      vpc-blue:
        metadata: {component: network/vpc}
      vpc-named:
        metadata: {component: network/vpc, name: core/vpc}
      vpc-explicit:
        backend:
          BACKEND: {PREFIX_KEY: custom/prefix}
      vpc-empty:
        backend:
          BACKEND: {PREFIX_KEY: ""}
      named-base:
        metadata: {type: abstract, name: stable-vpc, component: network/vpc/v2}
      vpc-inherits-name:
        metadata: {inherits: [named-base]}
      unnamed-base:
        metadata: {type: abstract, component: network/vpc/v2}
      vpc-inherits-folder:
        metadata: {inherits: [unnamed-base]}
      vpc-legacy:
        component: vpc
`;

const prefixCases = [
  { name: 'vpc', prefix: 'vpc' },
  { name: 'infra/vpc', prefix: 'infra-vpc' },
  { name: 'vpc-blue', prefix: 'network-vpc' },
  { name: 'vpc-named', prefix: 'core-vpc' },
  { name: 'vpc-explicit', prefix: 'custom/prefix' },
  { name: 'vpc-empty', prefix: 'vpc-empty' },
  { name: 'vpc-inherits-name', prefix: 'stable-vpc' },
  // metadata.component inherited from a base does not change the key prefix (only metadata.name does).
  { name: 'vpc-inherits-folder', prefix: 'vpc-inherits-folder' },
  { name: 'vpc-legacy', prefix: 'vpc' },
];

const backendStack = (type: string, key: string, settings: string) =>
  repo({
    'stacks/orgs/dev.yaml':
      `terraform:\n  backend_type: ${type}\n  backend:\n    ${type}: ${settings}\n` +
      components.replaceAll('BACKEND', type).replaceAll('PREFIX_KEY', key),
  });

describe('s3: workspace_key_prefix defaults', () => {
  const t = backendStack('s3', 'workspace_key_prefix', '{bucket: acme-state, key: terraform.tfstate}');
  it.each(prefixCases)('$name → $prefix', ({ name, prefix }) => {
    expect(component(t, name, 'orgs/dev').backend).toEqual({
      bucket: 'acme-state',
      key: 'terraform.tfstate',
      workspace_key_prefix: prefix,
    });
  });
});

describe('gcs: prefix defaults', () => {
  const t = backendStack('gcs', 'prefix', '{bucket: acme-state}');
  it.each(prefixCases)('$name → $prefix', ({ name, prefix }) => {
    expect(component(t, name, 'orgs/dev').backend).toEqual({ bucket: 'acme-state', prefix });
  });
});

describe('components.terraform.workspace.prefix_separator', () => {
  it.each([
    { separator: '"/"', plain: 'infra/vpc', named: 'core/vpc' },
    { separator: '"_"', plain: 'infra_vpc', named: 'core_vpc' },
    { separator: '"-"', plain: 'infra-vpc', named: 'core-vpc' },
  ])('separator $separator', ({ separator, plain, named }) => {
    const t = repo(
      {
        'stacks/orgs/dev.yaml': y`
          terraform:
            backend_type: s3
            backend:
              s3: {bucket: b}
          components:
            terraform:
              infra/vpc: {}
              vpc-named:
                metadata: {name: core/vpc}
        `,
      },
      config({ terraform: `workspace:\n  prefix_separator: ${separator}` }),
    );
    expect(component(t, 'infra/vpc', 'orgs/dev').backend.workspace_key_prefix).toBe(plain);
    expect(component(t, 'vpc-named', 'orgs/dev').backend.workspace_key_prefix).toBe(named);
  });
});

describe('azurerm: key defaults', () => {
  const stack = (stackKey: string) =>
    repo({
      'stacks/orgs/dev.yaml': y`
        terraform:
          backend_type: azurerm
          backend:
            azurerm: {storage_account_name: acmestate, container_name: tfstate${stackKey}}
        components:
          terraform:
            infra/vpc: {}
            named:
              metadata: {name: platform/dns}
            own-key:
              backend:
                azurerm: {key: hand/written.tfstate}
            keyed-base:
              metadata: {type: abstract}
              backend:
                azurerm: {key: from-base.tfstate}
            inherits-key:
              metadata: {inherits: [keyed-base]}
            same-key-base:
              metadata: {type: abstract}
              backend:
                azurerm: {key: acme}
            inherits-stack-key:
              metadata: {inherits: [same-key-base]}
      `,
    });

  it.each([
    { name: 'infra/vpc', key: 'acme/infra-vpc.terraform.tfstate' },
    { name: 'named', key: 'acme/platform-dns.terraform.tfstate' },
    { name: 'own-key', key: 'hand/written.tfstate' },
    { name: 'inherits-key', key: 'from-base.tfstate' },
    // A base key equal to the stack-level key is treated as the stack-level prefix.
    { name: 'inherits-stack-key', key: 'acme/inherits-stack-key.terraform.tfstate' },
  ])('with a stack-level key: $name → $key', ({ name, key }) => {
    expect(component(stack(', key: acme'), name, 'orgs/dev').backend).toEqual({
      storage_account_name: 'acmestate',
      container_name: 'tfstate',
      key,
    });
  });

  it.each([
    { name: 'infra/vpc', key: 'infra-vpc.terraform.tfstate' },
    { name: 'named', key: 'platform-dns.terraform.tfstate' },
    { name: 'own-key', key: 'hand/written.tfstate' },
    { name: 'inherits-key', key: 'from-base.tfstate' },
  ])('without a stack-level key: $name → $key', ({ name, key }) => {
    expect(component(stack(''), name, 'orgs/dev').backend.key).toBe(key);
  });
});

describe('backends without defaults', () => {
  it.each([
    ['local', '{path: state/dev.tfstate}', { path: 'state/dev.tfstate' }],
    [
      'remote',
      '{organization: acme, workspaces: {prefix: net-}}',
      { organization: 'acme', workspaces: { prefix: 'net-' } },
    ],
    ['http', '{address: "https://state.example.com"}', { address: 'https://state.example.com' }],
  ])('%s backend is passed through unchanged', (type, settings, expected) => {
    const t = repo({
      'stacks/orgs/dev.yaml': `terraform:\n  backend_type: ${type}\n  backend:\n    ${type}: ${settings}\ncomponents:\n  terraform:\n    infra/vpc: {}\n`,
    });
    const c = component(t, 'infra/vpc', 'orgs/dev');
    expect(c.backend_type).toBe(type);
    expect(c.backend).toEqual(expected);
  });

  it('adds the s3 and gcs defaults even without a backend section', () => {
    const t = repo({
      'stacks/orgs/dev.yaml': y`
        components:
          terraform:
            infra/vpc:
              backend_type: s3
            infra/dns:
              backend_type: gcs
      `,
    });
    expect(component(t, 'infra/vpc', 'orgs/dev').backend).toEqual({ workspace_key_prefix: 'infra-vpc' });
    expect(component(t, 'infra/dns', 'orgs/dev').backend).toEqual({ prefix: 'infra-dns' });
  });

  it('prints an empty backend and type when none is configured', () => {
    const c = component(
      repo({ 'stacks/orgs/dev.yaml': 'components:\n  terraform:\n    vpc: {}\n' }),
      'vpc',
      'orgs/dev',
    );
    expect(c.backend_type).toBe('');
    expect(c.backend).toEqual({});
    expect(c.remote_state_backend_type).toBe('');
    expect(c.remote_state_backend).toEqual({});
  });
});

describe('backend layering', () => {
  const t = repo({
    'stacks/catalog/bases.yaml': y`
      components:
        terraform:
          s3-base:
            metadata: {type: abstract}
            backend_type: s3
            command: tofu
            backend:
              s3: {bucket: from-base, region: us-east-2}
          plain-base:
            metadata: {type: abstract}
            vars: {plain: true}
    `,
    'stacks/orgs/dev.yaml': y`
      import: [catalog/bases]
      terraform:
        backend_type: local
        backend:
          local: {path: from-stack.tfstate}
          s3: {bucket: from-stack, encrypt: true}
      components:
        terraform:
          s3-last:
            metadata: {inherits: [plain-base, s3-base]}
          s3-first:
            metadata: {inherits: [s3-base, plain-base]}
          own-type:
            metadata: {inherits: [s3-base]}
            backend_type: local
            backend:
              local: {path: own.tfstate}
    `,
  });

  it('takes backend_type and command from the last base, merging backend maps normally', () => {
    const c = component(t, 's3-last', 'orgs/dev');
    expect(c.backend_type).toBe('s3');
    expect(c.command).toBe('tofu');
    expect(c.backend).toEqual({
      bucket: 'from-base',
      encrypt: true,
      region: 'us-east-2',
      workspace_key_prefix: 's3-last',
    });
  });

  it('loses an earlier base backend_type and command when the last base has none (QUIRK 4)', () => {
    const c = component(t, 's3-first', 'orgs/dev');
    expect(c.backend_type).toBe('local');
    expect(c.command).toBe('terraform');
    expect(c.backend).toEqual({ path: 'from-stack.tfstate' });
    expect(c.vars).toEqual({ plain: true });
  });

  it("lets the component's own backend_type win over its bases", () => {
    const c = component(t, 'own-type', 'orgs/dev');
    expect(c.backend_type).toBe('local');
    expect(c.backend).toEqual({ path: 'own.tfstate' });
    expect(c.command).toBe('tofu');
  });

  it('fails when the resolved backend_type has no section among configured backends', () => {
    const bad = repo({
      'stacks/orgs/dev.yaml': y`
        terraform:
          backend: {s3: {bucket: b}}
        components:
          terraform:
            vpc:
              backend_type: gcs
      `,
    });
    expect(validate(bad).map((d) => d.code)).toContain('backend-type-mismatch');
  });
});

describe('remote_state_backend', () => {
  it('starts from the backend of the same type and layers stack, base and component sections', () => {
    const t = repo({
      'stacks/orgs/dev.yaml': y`
        terraform:
          backend_type: s3
          backend:
            s3: {bucket: acme-state, region: us-east-1}
          remote_state_backend:
            s3: {role_arn: "arn:aws:iam::1:role/reader", region: us-west-2}
        components:
          terraform:
            reader-base:
              metadata: {type: abstract}
              remote_state_backend:
                s3: {profile: base-profile}
            app:
              metadata: {inherits: [reader-base]}
              remote_state_backend:
                s3: {bucket: other-state}
      `,
    });
    const c = component(t, 'app', 'orgs/dev');
    expect(c.backend).toEqual({ bucket: 'acme-state', region: 'us-east-1', workspace_key_prefix: 'app' });
    expect(c.remote_state_backend_type).toBe('s3');
    expect(c.remote_state_backend).toEqual({
      bucket: 'other-state',
      region: 'us-west-2',
      workspace_key_prefix: 'app',
      role_arn: 'arn:aws:iam::1:role/reader',
      profile: 'base-profile',
    });
  });

  it('uses only the remote_state_backend sections when its type differs from the backend', () => {
    const t = repo({
      'stacks/orgs/dev.yaml': y`
        terraform:
          backend_type: s3
          backend:
            s3: {bucket: acme-state}
          remote_state_backend_type: static
        components:
          terraform:
            legacy:
              remote_state_backend:
                static: {vpc_id: vpc-123}
      `,
    });
    const c = component(t, 'legacy', 'orgs/dev');
    expect(c.backend_type).toBe('s3');
    expect(c.remote_state_backend_type).toBe('static');
    expect(c.remote_state_backend).toEqual({ vpc_id: 'vpc-123' });
  });
});

describe('providers', () => {
  it('merges terraform.providers, the base chain, the component and overrides; ignores a top-level providers', () => {
    const t = repo({
      'stacks/catalog/base.yaml': y`
        components:
          terraform:
            service-base:
              metadata: {type: abstract}
              vars: {size: s}
              providers:
                aws:
                  region: us-east-1
                  assume_role: {role_arn: base-role}
                naming:
                  enabled: true
                  order: [product, region, name]
      `,
      'stacks/orgs/dev.yaml': y`
        import: [catalog/base]
        providers:
          aws: {region: ignored-top-level}
        terraform:
          providers:
            aws:
              default_tags: {tags: {managed_by: platform}}
        overrides:
          providers:
            naming: {delimiter: "-"}
        components:
          terraform:
            service:
              metadata: {component: svc, inherits: [service-base]}
              providers:
                aws:
                  assume_role: {role_arn: derived-role}
      `,
    });
    const c = component(t, 'service', 'orgs/dev');
    expect(c.providers).toEqual({
      aws: {
        default_tags: { tags: { managed_by: 'platform' } },
        region: 'us-east-1',
        assume_role: { role_arn: 'derived-role' },
      },
      naming: { enabled: true, order: ['product', 'region', 'name'], delimiter: '-' },
    });
    expect(component(t, 'service-base', 'orgs/dev').providers.aws.assume_role).toEqual({
      role_arn: 'base-role',
    });
  });
});

import { describe, expect, it } from 'vitest';
import { component, failure, stacks } from '../helpers/describe.js';
import { config, repo, y } from './fixture.js';

// Spec §2.4 (stack names) and §8.1 (workspaces). Atmos scenarios: stack-manifest-name(-template,-pattern),
// stack-name-template, hierarchical-imports; internal/exec/stack_utils.go (BuildTerraformWorkspace),
// describe_stacks_component_processor.go.

const workspaces = (tree: Record<string, string>) =>
  Object.fromEntries(
    Object.entries(stacks(tree)).flatMap(([stack, s]) =>
      Object.entries(s.components.terraform as Record<string, { workspace: string }>).map(([c, v]) => [
        `${stack}/${c}`,
        v.workspace,
      ]),
    ),
  );

describe('a manifest name: written in an imported file (QUIRK 6)', () => {
  const t = repo({
    'stacks/catalog/identity.yaml': 'name: core-network\n',
    'stacks/catalog/other-identity.yaml': 'name: other-name\n',
    'stacks/orgs/a.yaml': y`
      import: [catalog/identity]
      components:
        terraform:
          vpc: {vars: {cidr: 10.0.0.0/16}}
    `,
    'stacks/orgs/b.yaml': y`
      import: [catalog/identity]
      components:
        terraform:
          dns:
            metadata: {component: route53}
    `,
    'stacks/orgs/c.yaml': y`
      import: [catalog/identity]
      name: own-name
      components:
        terraform:
          vpc: {}
    `,
    'stacks/orgs/d.yaml': y`
      import: [catalog/identity, catalog/other-identity]
      components:
        terraform:
          vpc: {}
    `,
  });

  it('names every stack that imports it, unioning their components', () => {
    const all = stacks(t);
    expect(Object.keys(all).sort()).toEqual(['core-network', 'other-name', 'own-name']);
    expect(Object.keys(all['core-network'].components.terraform).sort()).toEqual(['dns', 'vpc']);
  });

  it('is the stack name and the workspace prefix in describe component', () => {
    const vpc = component(t, 'vpc', 'core-network');
    expect(vpc.atmos_stack).toBe('core-network');
    expect(vpc.atmos_manifest).toBe('orgs/a');
    expect(vpc.workspace).toBe('core-network');
    expect(component(t, 'dns', 'core-network').workspace).toBe('core-network-dns');
  });

  it("loses to the importer's own name: and to a later import's name:", () => {
    expect(component(t, 'vpc', 'own-name').atmos_manifest).toBe('orgs/c');
    expect(component(t, 'vpc', 'other-name').atmos_manifest).toBe('orgs/d');
  });

  it('beats name_template and name_pattern', () => {
    const named = repo(
      {
        'stacks/catalog/identity.yaml': 'name: core-network\n',
        'stacks/orgs/a.yaml':
          'import: [catalog/identity]\nvars: {tenant: plat, stage: dev}\ncomponents:\n  terraform:\n    vpc: {}\n',
      },
      config({
        stacks: 'name_template: "{{ .vars.tenant }}-{{ .vars.stage }}"\nname_pattern: "{tenant}-{stage}"',
      }),
    );
    expect(Object.keys(stacks(named))).toEqual(['core-network']);
  });
});

describe('stack names computed per component', () => {
  it('names a component by its own final vars, so one file can feed two stacks', () => {
    const t = repo(
      {
        'stacks/orgs/plat/dev.yaml': y`
          vars: {tenant: plat, environment: ue2, stage: dev}
          components:
            terraform:
              vpc: {}
              iam-global:
                vars: {environment: gbl}
        `,
      },
      config({ stacks: 'name_pattern: "{tenant}-{environment}-{stage}"' }),
    );
    expect(workspaces(t)).toEqual({
      'plat-ue2-dev/vpc': 'plat-ue2-dev',
      'plat-gbl-dev/iam-global': 'plat-gbl-dev',
    });
    expect(component(t, 'iam-global', 'plat-gbl-dev').atmos_manifest).toBe('orgs/plat/dev');
    expect(failure(() => component(t, 'iam-global', 'plat-ue2-dev'))[0]!.code).toBe('stack-not-found');
  });

  it('renders name_template over the whole component section, settings included', () => {
    const t = repo(
      {
        'stacks/orgs/dev.yaml': y`
          settings: {org: acme}
          vars: {stage: dev}
          components:
            terraform:
              vpc: {}
              vendor-dns:
                settings: {org: partner}
        `,
      },
      config({ stacks: 'name_template: "{{ .settings.org }}-{{ .vars.stage }}"' }),
    );
    expect(Object.keys(stacks(t)).sort()).toEqual(['acme-dev', 'partner-dev']);
  });

  it.each([
    { pattern: '{namespace}-{tenant}-{environment}-{stage}', name: 'acme-plat-ue2-dev' },
    { pattern: '{stage}-{tenant}', name: 'dev-plat' },
    // Only the four context tokens count: literals, {region} and glued tokens are dropped.
    { pattern: 'org-{tenant}-{stage}', name: 'plat-dev' },
    { pattern: '{tenant}-{region}-{stage}', name: 'plat-dev' },
    { pattern: '{tenant}x-{stage}', name: 'dev' },
  ])('name_pattern $pattern → $name', ({ pattern, name }) => {
    const t = repo(
      {
        'stacks/orgs/dev.yaml': y`
          vars: {namespace: acme, tenant: plat, environment: ue2, stage: dev, region: us-east-2}
          components:
            terraform:
              vpc: {}
        `,
      },
      config({ stacks: `name_pattern: "${pattern}"` }),
    );
    expect(Object.keys(stacks(t))).toEqual([name]);
    expect(component(t, 'vpc', name).workspace).toBe(name);
  });

  it('fails describe stacks when name_template reads a variable that is not set', () => {
    const t = repo(
      {
        'stacks/orgs/dev.yaml': 'vars: {stage: dev}\ncomponents:\n  terraform:\n    vpc: {}\n',
      },
      config({ stacks: 'name_template: "{{ .vars.tenant }}-{{ .vars.stage }}"' }),
    );
    const ds = failure(() => stacks(t));
    expect(ds.map((d) => d.code)).toContain('stack-name-unresolved');
    expect(ds.map((d) => d.message).join('\n')).toContain('tenant');
  });
});

describe('workspace precedence in describe component', () => {
  const t = repo(
    {
      'stacks/orgs/plat/dev.yaml': y`
        vars:
          namespace: acme
          tenant: plat
          environment: ue2
          stage: dev
          region: us-east-2
          attributes: [blue, v2]
        components:
          terraform:
            vpc: {}
            infra/vpc:
              metadata: {terraform_workspace_pattern: "{tenant}-{environment}-{stage}-{component}"}
            regional:
              metadata: {terraform_workspace_pattern: "{namespace}-{region}"}
            vpc-green:
              metadata:
                component: network/vpc
                terraform_workspace_pattern: "{stage}-{base-component}"
            plain-base-token:
              metadata: {terraform_workspace_pattern: "{stage}-{base-component}"}
            attrs:
              metadata: {terraform_workspace_pattern: "{attributes}-{stage}"}
            literal:
              metadata: {terraform_workspace: legacy/ws}
            pattern-and-literal:
              metadata:
                terraform_workspace: ignored-literal
                terraform_workspace_pattern: "{stage}-from-pattern"
            templated:
              metadata:
                terraform_workspace_template: "{{ .vars.stage }}-{{ .vars.region }}"
                terraform_workspace_pattern: "{stage}-ignored"
            derived:
              metadata: {component: vpc}
      `,
    },
    config({ stacks: 'name_pattern: "{tenant}-{environment}-{stage}"' }),
  );

  it.each([
    { name: 'vpc', workspace: 'plat-ue2-dev' },
    { name: 'infra/vpc', workspace: 'plat-ue2-dev-infra-vpc' },
    { name: 'regional', workspace: 'acme-us-east-2' },
    { name: 'vpc-green', workspace: 'dev-network-vpc' },
    { name: 'plain-base-token', workspace: 'dev-' },
    { name: 'attrs', workspace: 'blue-v2-dev' },
    { name: 'literal', workspace: 'legacy-ws' },
    { name: 'pattern-and-literal', workspace: 'dev-from-pattern' },
    { name: 'templated', workspace: 'dev-us-east-2' },
    { name: 'derived', workspace: 'plat-ue2-dev-derived' },
  ])('$name → $workspace', ({ name, workspace }) => {
    expect(component(t, name, 'plat-ue2-dev').workspace).toBe(workspace);
  });

  it('takes a stack-level metadata.terraform_workspace_pattern as the default for every component', () => {
    const g = repo(
      {
        'stacks/orgs/dev.yaml': y`
          vars: {tenant: plat, stage: dev}
          metadata: {terraform_workspace_pattern: "{tenant}-{stage}-{component}"}
          components:
            terraform:
              vpc: {}
              dns: {metadata: {terraform_workspace_pattern: "dns-{stage}"}}
        `,
      },
      config({ stacks: 'name_pattern: "{tenant}-{stage}"' }),
    );
    expect(component(g, 'vpc', 'plat-dev').workspace).toBe('plat-dev-vpc');
    expect(component(g, 'dns', 'plat-dev').workspace).toBe('dns-dev');
  });

  it('fills pattern tokens from vars under name_template too (Strata decision, docs/compatibility.md #8)', () => {
    const n = repo(
      {
        'stacks/orgs/dev.yaml': y`
          vars: {tenant: plat, stage: dev}
          components:
            terraform:
              vpc:
                metadata: {terraform_workspace_pattern: "{tenant}-{stage}-{component}"}
        `,
      },
      config({ stacks: 'name_template: "{{ .vars.stage }}"' }),
    );
    expect(component(n, 'vpc', 'dev').workspace).toBe('plat-dev-vpc');
  });
});

describe('workspaces turned off', () => {
  const files = {
    'stacks/orgs/dev.yaml': y`
      components:
        terraform:
          vpc: {}
          vpc-blue:
            metadata: {component: vpc}
          pinned:
            metadata: {terraform_workspace: pinned-ws}
    `,
  };

  it('uses default for every component when components.terraform.workspaces_enabled is false', () => {
    const t = repo(files, config({ terraform: 'workspaces_enabled: false' }));
    for (const name of ['vpc', 'vpc-blue', 'pinned'])
      expect(component(t, name, 'orgs/dev').workspace).toBe('default');
    expect(Object.values(workspaces(t))).toEqual(['default', 'default', 'default']);
  });

  it('uses default for an http backend only', () => {
    const t = repo({
      'stacks/orgs/dev.yaml': y`
        components:
          terraform:
            web:
              backend_type: http
              backend:
                http: {address: "https://state.example.com/web"}
            vpc: {}
      `,
    });
    expect(component(t, 'web', 'orgs/dev').workspace).toBe('default');
    expect(component(t, 'vpc', 'orgs/dev').workspace).toBe('orgs-dev');
  });
});

describe('workspace in describe stacks', () => {
  const t = repo(
    {
      'stacks/orgs/dev.yaml': y`
        vars: {tenant: plat, stage: dev}
        components:
          terraform:
            vpc: {}
            vpc-blue:
              metadata: {component: vpc}
            legacy:
              component: vpc
            abstract-base:
              metadata: {type: abstract, component: vpc}
            pinned:
              metadata:
                terraform_workspace: pinned-ws
                terraform_workspace_pattern: "{stage}-from-pattern"
      `,
    },
    config({ stacks: 'name_pattern: "{tenant}-{stage}"' }),
  );

  it('is the bare stack name for components whose folder differs from their name (QUIRK 14)', () => {
    expect(workspaces(t)).toMatchObject({
      'plat-dev/vpc': 'plat-dev',
      'plat-dev/vpc-blue': 'plat-dev',
      'plat-dev/legacy': 'plat-dev',
      'plat-dev/abstract-base': 'plat-dev',
    });
    // describe component, like terraform, suffixes the component name.
    expect(component(t, 'vpc-blue', 'plat-dev').workspace).toBe('plat-dev-vpc-blue');
    expect(component(t, 'legacy', 'plat-dev').workspace).toBe('plat-dev-legacy');
  });

  it('prefers an explicit terraform_workspace over a pattern, unlike describe component', () => {
    // describe stacks drops terraform_workspace_pattern/_template when terraform_workspace is set
    // (applyTerraformMetadataInheritance); describe component checks the pattern first.
    expect(workspaces(t)['plat-dev/pinned']).toBe('pinned-ws');
    expect(component(t, 'pinned', 'plat-dev').workspace).toBe('dev-from-pattern');
  });

  it('resolves {component} and {base-component} to empty strings (spec §8.1)', () => {
    const p = repo(
      {
        'stacks/orgs/dev.yaml': y`
          vars: {tenant: plat, stage: dev}
          metadata: {terraform_workspace_pattern: "{tenant}-{stage}-{component}"}
          components:
            terraform:
              vpc: {}
              vpc-blue:
                metadata: {component: vpc, terraform_workspace_pattern: "{stage}-{base-component}"}
        `,
      },
      config({ stacks: 'name_pattern: "{tenant}-{stage}"' }),
    );
    expect(workspaces(p)).toEqual({ 'plat-dev/vpc': 'plat-dev-', 'plat-dev/vpc-blue': 'dev-' });
    expect(component(p, 'vpc', 'plat-dev').workspace).toBe('plat-dev-vpc');
    expect(component(p, 'vpc-blue', 'plat-dev').workspace).toBe('dev-vpc');
  });
});

describe('looking a stack up by its manifest path', () => {
  // Spec §2.4 ("Directory" mode) and §8.1 step 2: a -s value with "/" that equals a top-level
  // manifest selects that file; the workspace prefix still comes from the naming config.
  it.each([
    { naming: 'name_pattern: "{tenant}-{stage}"', prefix: 'plat-dev' },
    { naming: 'name_template: "{{ .vars.tenant }}-{{ .vars.stage }}"', prefix: 'plat-dev' },
  ])('$naming: workspace prefix $prefix', ({ naming, prefix }) => {
    const t = repo(
      {
        'stacks/orgs/plat/dev.yaml': y`
          vars: {tenant: plat, stage: dev}
          components:
            terraform:
              vpc: {}
              vpc-blue:
                metadata: {component: vpc}
        `,
      },
      config({ stacks: naming }),
    );
    const vpc = component(t, 'vpc', 'orgs/plat/dev');
    expect(vpc.atmos_stack).toBe('orgs/plat/dev');
    expect(vpc.atmos_manifest).toBe('orgs/plat/dev');
    expect(vpc.workspace).toBe(prefix);
    expect(component(t, 'vpc-blue', 'orgs/plat/dev').workspace).toBe(`${prefix}-vpc-blue`);
  });
});

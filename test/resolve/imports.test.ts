import { describe, expect, it } from 'vitest';
import { atmosYaml } from '../helpers/memory-project.js';
import { component, failure, stacks, validate } from '../helpers/describe.js';
import { memoryProject } from '../helpers/memory-project.js';
import { describeComponentService } from '../../src/services/describe.js';

const vpc = (vars: string) => `components:\n  terraform:\n    vpc:\n      vars: ${vars}\n`;

describe('imports', () => {
  it('merges imports in order, the importing file last', () => {
    const tree = {
      'atmos.yaml': atmosYaml(),
      'stacks/catalog/vpc.yaml': vpc('{cidr: 10.0.0.0/16, nat: true, az: [a, b]}'),
      'stacks/mixins/small.yaml': vpc('{nat: false, az: [a]}'),
      'stacks/orgs/dev.yaml': `import: [catalog/vpc, mixins/small]\n${vpc('{cidr: 10.1.0.0/16}')}`,
    };
    const c = component(tree, 'vpc', 'orgs/dev');
    expect(c.vars).toEqual({ cidr: '10.1.0.0/16', nat: false, az: ['a'] });
    expect(c.imports).toEqual(['catalog/vpc', 'mixins/small']);
  });

  it('resolves ./ and ../ against the importing file, everything else against the stacks folder', () => {
    const tree = {
      'atmos.yaml': atmosYaml(),
      'stacks/orgs/acme/_defaults.yaml': 'vars: {namespace: acme, level: org}\n',
      'stacks/orgs/acme/plat/_defaults.yaml': 'import: [../_defaults]\nvars: {tenant: plat, level: ou}\n',
      'stacks/orgs/acme/plat/dev.yaml': `import: [./_defaults, catalog/vpc]\nvars: {stage: dev}\n`,
      'stacks/catalog/vpc.yaml': vpc('{a: 1}'),
    };
    const c = component(tree, 'vpc', 'orgs/acme/plat/dev');
    expect(c.vars).toEqual({ namespace: 'acme', tenant: 'plat', stage: 'dev', level: 'ou', a: 1 });
    expect(c.imports).toEqual(['catalog/vpc', 'orgs/acme/_defaults', 'orgs/acme/plat/_defaults']);
  });

  it('expands globs in directory-walk order and tries .yaml, .yml and .tmpl for extension-less paths', () => {
    const tree = {
      'atmos.yaml': atmosYaml(),
      'stacks/catalog/b.yaml': vpc('{order: b, b: 1}'),
      'stacks/catalog/a.yaml': vpc('{order: a, a: 1}'),
      'stacks/catalog/c.yml': vpc('{order: c}'),
      'stacks/mixins/only-yml.yml': 'vars: {yml: true}\n',
      'stacks/orgs/dev.yaml': 'import: [catalog/*, mixins/only-yml]\n',
    };
    const c = component(tree, 'vpc', 'orgs/dev');
    // catalog/* means catalog/*.yaml: the .yml file is not matched (Atmos behaviour).
    expect(c.vars).toEqual({ order: 'b', a: 1, b: 1, yml: true });
  });

  it('accepts the object form with skip_if_missing', () => {
    const tree = {
      'atmos.yaml': atmosYaml(),
      'stacks/catalog/vpc.yaml': vpc('{a: 1}'),
      'stacks/orgs/dev.yaml':
        'import:\n  - path: catalog/vpc\n  - path: catalog/not-there\n    skip_if_missing: true\n',
    };
    expect(component(tree, 'vpc', 'orgs/dev').vars).toEqual({ a: 1 });
  });

  it('renders a .yaml.tmpl import with its context, and the parent context wins over a nested one', () => {
    const tree = {
      'atmos.yaml': atmosYaml(),
      'stacks/catalog/eks.yaml.tmpl':
        'import:\n  - path: catalog/flavor\n    context: {flavor: nested}\ncomponents:\n  terraform:\n    "eks-{{ .flavor }}":\n      vars: {flavor: "{{ .flavor }}"}\n',
      'stacks/catalog/flavor.yaml': 'vars: {seen: "{{ .flavor }}"}\n',
      'stacks/orgs/dev.yaml': 'import:\n  - path: catalog/eks\n    context: {flavor: blue}\n',
    };
    const c = component(tree, 'eks-blue', 'orgs/dev');
    expect(c.vars).toEqual({ flavor: 'blue', seen: 'blue' });
  });

  it('reads and parses a file once however many stacks import it', () => {
    const reads = new Map<string, number>();
    const tree: Record<string, string> = {
      'atmos.yaml': atmosYaml(),
      'stacks/catalog/vpc.yaml': vpc('{a: 1}'),
    };
    for (let i = 0; i < 20; i++) tree[`stacks/orgs/s${i}.yaml`] = `import: [catalog/vpc]\nvars: {i: ${i}}\n`;
    const project = memoryProject(tree);
    const read = project.set.context.host.readFile.bind(project.set.context.host);
    (project.set.context.host as { readFile: (p: string) => string | undefined }).readFile = (p) => {
      reads.set(p, (reads.get(p) ?? 0) + 1);
      return read(p);
    };
    expect(Object.keys(stacks(tree))).toHaveLength(20);
    for (let i = 0; i < 20; i++) describeComponentService(project, 'vpc', `orgs/s${i}`);
    expect(reads.get('catalog/vpc.yaml')).toBe(1);
  });
});

describe('import errors', () => {
  it('names the importing file and the line of a missing import', () => {
    const tree = {
      'atmos.yaml': atmosYaml(),
      'stacks/orgs/dev.yaml': '# dev\nimport:\n  - catalog/vpc\n  - catalog/missing\n',
      'stacks/catalog/vpc.yaml': vpc('{a: 1}'),
    };
    const [d] = validate(tree);
    expect(d).toMatchObject({
      code: 'import-missing',
      file: 'stacks/orgs/dev.yaml',
      position: { line: 4, column: 5 },
    });
    expect(d!.message).toContain("'catalog/missing'");
  });

  it('prints every file of an import cycle', () => {
    const tree = {
      'atmos.yaml': atmosYaml(),
      'stacks/orgs/dev.yaml': 'import: [catalog/a]\n',
      'stacks/catalog/a.yaml': 'import: [./b]\n',
      'stacks/catalog/b.yaml': 'import:\n  - catalog/c.yaml\n',
      'stacks/catalog/c.yaml': 'import: [../catalog/a]\n',
    };
    const ds = validate(tree).filter((d) => d.code === 'import-cycle');
    expect(ds).toHaveLength(1);
    expect(ds[0]!.message).toBe(
      'import cycle: stacks/catalog/a.yaml -> stacks/catalog/b.yaml -> stacks/catalog/c.yaml -> stacks/catalog/a.yaml',
    );
    expect(ds[0]!.file).toBe('stacks/catalog/c.yaml');
  });

  it('reports a file that imports itself', () => {
    const tree = { 'atmos.yaml': atmosYaml(), 'stacks/orgs/dev.yaml': 'import: [orgs/dev]\nvars: {a: 1}\n' };
    expect(validate(tree).map((d) => d.code)).toEqual(['import-cycle']);
  });

  it.each([
    ['a string', 'import: catalog/vpc\n', "'import' must be a list of paths, got string", 1],
    ['a map', 'import: {path: x}\n', "'import' must be a list of paths, got map", 1],
    ['an entry without a path', 'import:\n  - context: {a: 1}\n', "import #1 has no 'path'", 2],
    ['a number entry', 'import:\n  - 42\n', "import #1 must be a path or a map with 'path', got integer", 2],
  ])('rejects import: of the wrong type (%s)', (_name, text, message, line) => {
    const [d] = validate({ 'atmos.yaml': atmosYaml(), 'stacks/orgs/dev.yaml': text });
    expect(d).toMatchObject({
      code: 'import-invalid',
      message,
      file: 'stacks/orgs/dev.yaml',
      position: { line },
    });
  });

  it('collects the problems of every stack in one run', () => {
    const tree = {
      'atmos.yaml': atmosYaml(),
      'stacks/orgs/a.yaml': 'import: [catalog/nope]\n',
      'stacks/orgs/b.yaml': 'vars: [oops\n',
      'stacks/orgs/c.yaml': 'import: 3\n',
    };
    expect(
      validate(tree)
        .map((d) => d.code)
        .sort(),
    ).toEqual(['import-invalid', 'import-missing', 'yaml-syntax']);
  });

  it('fails describe stacks with every error, not a partial result', () => {
    const tree = { 'atmos.yaml': atmosYaml(), 'stacks/orgs/a.yaml': 'import: [catalog/nope]\n' };
    expect(failure(() => stacks(tree)).map((d) => d.code)).toEqual(['import-missing']);
  });
});

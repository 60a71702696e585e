import { describe, expect, it } from 'vitest';
import type { EvalHost, EvalOptions } from '../../src/evaluate/evaluate-section.js';
import { evaluateSection } from '../../src/evaluate/evaluate-section.js';

const host = (over: Partial<EvalHost> = {}): EvalHost => ({
  env: { HOME: '/home/me', REGION: 'us-east-2' },
  repoRoot: '/repo',
  allowExec: false,
  exec: (command) => ({ ok: true, stdout: command === 'echo [1,2]' ? '[1,2]\n' : 'text\n' }),
  terraformState: (component, _stack, output) =>
    component === 'vpc'
      ? { ok: true, value: output === 'vpc_id' ? 'vpc-123' : { a: 1 } }
      : { ok: false, message: `'${component}' has no state yet` },
  describeComponent: (component, stack): ReturnType<EvalHost['describeComponent']> =>
    component === 'vpc'
      ? {
          ok: true,
          section: { vars: { cidr: '10.0.0.0/16', stage: stack } },
          outputs: { ok: true, value: { vpc_id: 'vpc-123', subnets: ['a', 'b'] } },
        }
      : component === 'dns'
        ? {
            ok: true,
            section: { vars: { zone: 'example.com' } },
            outputs: { ok: false, message: 'remote: s3' },
          }
        : { ok: false, message: `component '${component}' is not defined in stack '${stack}'` },
  ...over,
});
const opts = (over: Partial<EvalOptions> = {}): EvalOptions => ({
  templatesEnabled: false,
  evaluations: 1,
  stack: 'dev',
  meta: { atmos_component: 'app', atmos_stack: 'dev', stack: 'dev' },
  ...over,
});

describe('YAML functions', () => {
  it.each([
    ['!env from the process env', { vars: { h: '!env HOME' } }, { h: '/home/me' }],
    ['!env with a default', { vars: { x: '!env NOPE fallback' } }, { x: 'fallback' }],
    ['!env with a quoted default', { vars: { x: '!env NOPE "two words"' } }, { x: 'two words' }],
    [
      '!env prefers the component env',
      { env: { HOME: '/from/component' }, vars: { h: '!env HOME' } },
      { h: '/from/component' },
    ],
    [
      '!env follows an !env in the component env',
      { env: { A: '!env REGION' }, vars: { a: '!env A' } },
      { a: 'us-east-2' },
    ],
    ['!env of nothing is empty', { vars: { x: '!env NOPE' } }, { x: '' }],
    ['!template decodes JSON', { vars: { l: `!template '["a","b"]'` } }, { l: ['a', 'b'] }],
    ['!template keeps text that is not JSON', { vars: { s: '!template plain' } }, { s: 'plain' }],
    ['!repo-root', { vars: { r: '!repo-root' } }, { r: '/repo' }],
    ['!unset removes the key', { vars: { keep: 1, gone: '!unset' } }, { keep: 1 }],
    [
      '!terraform.state reads another component',
      { vars: { id: '!terraform.state vpc vpc_id' } },
      { id: 'vpc-123' },
    ],
    [
      '!terraform.output stays a placeholder',
      { vars: { id: '!terraform.output vpc vpc_id' } },
      { id: '(computed: !terraform.output vpc vpc_id)' },
    ],
    [
      'an unsupported function stays a placeholder',
      { vars: { s: '!store ssm /x key' } },
      { s: '(computed: !store ssm /x key)' },
    ],
  ])('%s', (_name, section, vars) => {
    const r = evaluateSection(section, opts(), host());
    expect(r.problems).toEqual([]);
    expect(r.section['vars']).toEqual(vars);
  });

  it('records !terraform.output as a deferred value naming its component and stack', () => {
    const r = evaluateSection({ vars: { id: '!terraform.output vpc prod vpc_id' } }, opts(), host());
    expect(r.deferred).toEqual([
      {
        path: ['vars', 'id'],
        call: { tag: '!terraform.output', text: 'vpc prod vpc_id' },
        component: 'vpc',
        stack: 'prod',
      },
    ]);
  });

  it('resolves !terraform.output in a terraform run', () => {
    const r = evaluateSection(
      { vars: { id: '!terraform.output vpc vpc_id' } },
      opts(),
      host({ resolveOutputs: true }),
    );
    expect(r.section['vars']).toEqual({ id: 'vpc-123' });
  });

  it('refuses !exec unless allowed, and runs it when allowed', () => {
    const off = evaluateSection({ vars: { x: '!exec echo [1,2]' } }, opts(), host());
    expect(off.problems[0]).toMatchObject({
      path: ['vars', 'x'],
      hint: expect.stringContaining('--allow-exec'),
    });
    const on = evaluateSection({ vars: { x: '!exec echo [1,2]' } }, opts(), host({ allowExec: true }));
    expect(on.section['vars']).toEqual({ x: [1, 2] });
  });

  it('reports a !terraform.state of a component with no state', () => {
    const r = evaluateSection({ vars: { id: '!terraform.state eks cluster_id' } }, opts(), host());
    expect(r.problems).toEqual([
      {
        path: ['vars', 'id'],
        message: "!terraform.state eks cluster_id: 'eks' has no state yet",
        hint: "apply 'eks' in stack 'dev' first",
      },
    ]);
  });
});

describe('the component-section template pass', () => {
  it('does nothing unless templates.settings.enabled', () => {
    const r = evaluateSection({ vars: { name: '{{ .atmos_component }}' } }, opts(), host());
    expect(r.section['vars']).toEqual({ name: '{{ .atmos_component }}' });
  });

  it('renders strings with the section and the atmos_* keys as data; a missing key renders <no value>', () => {
    const r = evaluateSection(
      {
        vars: { stage: 'dev', name: '{{ .atmos_component }}-{{ .vars.stage }}', missing: '{{ .vars.nope }}' },
        settings: { x: '{{ .atmos_stack }}' },
      },
      opts({ templatesEnabled: true }),
      host(),
    );
    expect(r.section).toEqual({
      vars: { stage: 'dev', name: 'app-dev', missing: '<no value>' },
      settings: { x: 'dev' },
    });
  });

  it('runs `evaluations` passes, so later passes see earlier results', () => {
    const section = { vars: { a: 'x', b: '{{ .vars.a }}', c: '{{ .vars.b }}-c' } };
    expect(
      evaluateSection(section, opts({ templatesEnabled: true, evaluations: 1 }), host()).section['vars'],
    ).toMatchObject({ c: '{{ .vars.a }}-c' });
    expect(
      evaluateSection(section, opts({ templatesEnabled: true, evaluations: 2 }), host()).section['vars'],
    ).toMatchObject({ c: 'x-c' });
  });

  it('renders templates before functions, so a function argument may be templated', () => {
    const r = evaluateSection(
      { vars: { id: '!terraform.state vpc {{ .atmos_stack }} vpc_id' } },
      opts({ templatesEnabled: true }),
      host(),
    );
    expect(r.section['vars']).toEqual({ id: 'vpc-123' });
  });

  it('reports a template that does not parse, with its path', () => {
    const r = evaluateSection({ vars: { bad: '{{ .vars.x ' } }, opts({ templatesEnabled: true }), host());
    expect(r.problems[0]).toMatchObject({
      path: ['vars', 'bad'],
      message: expect.stringContaining('template error'),
    });
  });
});

describe('template functions that read the environment', () => {
  it('gives Sprig env and expandenv the host environment', () => {
    const r = evaluateSection(
      {
        vars: {
          user: '{{ env "HOME" }}',
          path: '{{ expandenv "$REGION/${HOME}" }}',
          none: '{{ env "NOPE" | default "fallback" }}',
        },
      },
      opts({ templatesEnabled: true }),
      host(),
    );
    expect(r.section['vars']).toEqual({ user: '/home/me', path: 'us-east-2//home/me', none: 'fallback' });
  });
});

describe('atmos.Component', () => {
  const run = (vars: Record<string, string>, section: Record<string, unknown> = {}) =>
    evaluateSection({ ...section, vars }, opts({ templatesEnabled: true }), host());

  it("reads another instance's config and its known outputs", () => {
    const r = run({
      cidr: '{{ (atmos.Component "vpc" .stack).vars.cidr }}',
      id: '{{ (atmos.Component "vpc" "prod").outputs.vpc_id }}',
      subnets: '{{ toJson (atmos.Component "vpc" .stack).outputs.subnets }}',
      stage: '{{ (atmos.Component "vpc" "prod").vars.stage }}',
    });
    expect(r.problems).toEqual([]);
    expect(r.deferred).toEqual([]);
    expect(r.section['vars']).toEqual({
      cidr: '10.0.0.0/16',
      id: 'vpc-123',
      subnets: '["a","b"]',
      stage: 'prod',
    });
  });

  it('makes a reference (a graph dependency) only of instances whose outputs are read', () => {
    const r = run({
      cidr: '{{ (atmos.Component "vpc" "dev").vars.cidr }}',
      zone: '{{ (atmos.Component "dns" "prod").outputs.zone_id }}',
    });
    expect(r.references).toEqual([{ component: 'dns', stack: 'prod' }]);
  });

  it('leaves outputs only terraform can read as a typed placeholder, deferred with a hint', () => {
    const r = run({ zone: 'zone={{ (atmos.Component "dns" .stack).outputs.zone_id }}' });
    expect(r.section['vars']).toEqual({ zone: 'zone=(computed: atmos.Component dns dev outputs.zone_id)' });
    expect(r.deferred).toEqual([
      {
        path: ['vars', 'zone'],
        call: { tag: 'atmos.Component', text: 'dns dev' },
        component: 'dns',
        stack: 'dev',
        hint: expect.stringContaining('!terraform.output dns dev'),
      },
    ]);
  });

  it('reports a component that does not exist at the value, with the function call', () => {
    const r = run({ x: '{{ (atmos.Component "nope" .stack).vars.a }}' });
    expect(r.problems).toHaveLength(1);
    expect(r.problems[0]!.path).toEqual(['vars', 'x']);
    expect(r.problems[0]!.message).toContain(
      "error calling atmos.Component: component 'nope' is not defined",
    );
  });

  it('rejects a stack argument that is not a string', () => {
    const r = run({ x: '{{ (atmos.Component "vpc" .nothing).vars.a }}' });
    expect(r.problems[0]!.message).toContain('atmos.Component: argument 2 must be a string, got nil');
  });

  it('gives a disabled component empty outputs instead of reading state', () => {
    const r = run(
      { z: '{{ (atmos.Component "dns" .stack).outputs.zone_id }}' },
      { metadata: { enabled: false } },
    );
    expect(r.section['vars']).toEqual({ z: '<no value>' });
    expect(r.deferred).toEqual([]);
  });

  it('keeps atmos.Store and atmos.GomplateDatasource as placeholders', () => {
    const r = run({
      s: '{{ atmos.Store "ssm" "prod" "vpc" "cidr" }}',
      d: '{{ (atmos.GomplateDatasource "ip").ip }}',
    });
    expect(r.section['vars']).toEqual({
      s: '(computed: atmos.Store ssm prod vpc cidr)',
      d: '(computed: atmos.GomplateDatasource ip.ip)',
    });
    expect(r.deferred.map((d) => d.call.tag).sort()).toEqual(['atmos.GomplateDatasource', 'atmos.Store']);
  });
});

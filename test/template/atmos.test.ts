import { describe, expect, it } from 'vitest';
import {
  builtinFunctions,
  containsTemplate,
  parseTemplate,
  renderTemplate,
} from '../../src/template/index.js';
import { render, renderError } from './helpers.js';

const stack = {
  vars: { namespace: 'acme', tenant: 'core', environment: 'ue2', stage: 'prod', region: 'us-east-2' },
  settings: { config: { a: 'configured' } },
};

describe('Atmos usage', () => {
  it.each<[string, string, unknown, string]>([
    [
      'stack name pattern',
      '{{ .vars.namespace }}-{{ .vars.tenant }}-{{ .vars.environment }}-{{ .vars.stage }}',
      stack,
      'acme-core-ue2-prod',
    ],
    ['default for a missing setting', '{{ .settings.config.b | default "x" }}', stack, 'x'],
    ['default when settings are absent', '{{ .settings.config.a | default "x" }}', { vars: {} }, 'x'],
    ['default keeps a configured setting', '{{ .settings.config.a | default "x" }}', stack, 'configured'],
    ['templated import path', 'catalog/{{ .region }}/vpc', { region: 'us-east-2' }, 'catalog/us-east-2/vpc'],
    [
      'vars as JSON',
      '{{ toJson .vars }}',
      stack,
      '{"environment":"ue2","namespace":"acme","region":"us-east-2","stage":"prod","tenant":"core"}',
    ],
    [
      'stage-dependent value',
      '{{ if eq .vars.stage "prod" }}m5.large{{ else }}t3.micro{{ end }}',
      stack,
      'm5.large',
    ],
  ])('%s', (_name, template, data, expected) => {
    expect(render(template, data)).toBe(expected);
  });

  const yamlTemplate = [
    'components:',
    '  terraform:',
    '    vpc:',
    '      vars:',
    '        name: {{ .name }}',
    '{{- if .flavor }}',
    '        flavor: {{ .flavor }}',
    '{{- end }}',
    '        cidr: "10.0.0.0/16"',
    '',
  ].join('\n');

  it('renders an optional line of a multi-line YAML template when the flag is set', () => {
    expect(render(yamlTemplate, { name: 'vpc', flavor: 'blue' })).toBe(
      'components:\n  terraform:\n    vpc:\n      vars:\n        name: vpc\n        flavor: blue\n        cidr: "10.0.0.0/16"\n',
    );
  });

  it('drops the optional line when the flag is missing', () => {
    expect(render(yamlTemplate, { name: 'vpc' })).toBe(
      'components:\n  terraform:\n    vpc:\n      vars:\n        name: vpc\n        cidr: "10.0.0.0/16"\n',
    );
  });

  it('renders an import template with a context of lists and maps', () => {
    const template = [
      'vars:',
      '  subnets:',
      '{{- range $i, $s := .subnets }}',
      '    - name: {{ $.prefix }}-{{ $s.name }}',
      '      index: {{ $i }}',
      '{{- end }}',
      '  tags: {{ toJson .tags }}',
    ].join('\n');
    const context = { prefix: 'app', subnets: [{ name: 'a' }, { name: 'b' }], tags: { Team: 'x', Env: 'y' } };
    expect(render(template, context)).toBe(
      'vars:\n  subnets:\n    - name: app-a\n      index: 0\n    - name: app-b\n      index: 1\n  tags: {"Env":"y","Team":"x"}',
    );
  });

  it('points at line 3 for a syntax error in a multi-line import template', () => {
    const error = renderError('import:\n  - catalog/vpc\nname: {{ .vars.stage | nope }}\n', stack, {
      name: 'catalog/base.yaml.tmpl',
    });
    expect(error).toMatchObject({ kind: 'syntax', line: 3, column: 24 });
    expect(error.message).toBe('template: catalog/base.yaml.tmpl:3:24: function "nope" not defined');
  });

  it('names the action and the key when a var is missing under missingkey=error', () => {
    const error = renderError('{{ .vars.tenant }}-{{ .vars.account }}', stack, { missingKey: 'error' });
    expect(error.kind).toBe('exec');
    expect(error.message).toContain('<.vars.account>');
    expect(error.message).toContain('map has no entry for key "account"');
  });
});

describe('API', () => {
  it('parses once and executes many times', () => {
    const parsed = parseTemplate('{{ .vars.tenant }}-{{ .vars.stage }}');
    if (!parsed.ok) throw new Error(parsed.error.message);
    expect(parsed.template.execute({ vars: { tenant: 'a', stage: 'dev' } })).toEqual({
      ok: true,
      output: 'a-dev',
    });
    expect(parsed.template.execute({ vars: { tenant: 'b', stage: 'prod' } })).toEqual({
      ok: true,
      output: 'b-prod',
    });
  });

  it('returns syntax errors from parseTemplate without throwing', () => {
    const parsed = parseTemplate('{{ if }}');
    expect(parsed.ok).toBe(false);
    if (!parsed.ok) expect(parsed.error.kind).toBe('syntax');
  });

  it.each<[string, readonly [string, string] | undefined, boolean]>([
    ['plain: text', undefined, false],
    ['name: {{ .x }}', undefined, true],
    ['only an opening {{', undefined, true],
    ['only closing }}', undefined, false],
    ['[[ .x ]]', ['[[', ']]'], true],
    ['{{ .x }}', ['[[', ']]'], false],
  ])('containsTemplate(%j)', (text, delimiters, expected) => {
    expect(containsTemplate(text, delimiters)).toBe(expected);
  });

  it('lets callers add functions and override builtins', () => {
    const functions = {
      shout: (s: unknown) => `${String(s)}!`,
      upper: () => 'overridden',
    };
    expect(render('{{ "hi" | shout }} {{ upper "x" }}', {}, { functions })).toBe('hi! overridden');
  });

  it('provides env only when a caller passes it', () => {
    const env: Record<string, string> = { HOME: '/home/me' };
    const functions = { env: (key: unknown) => env[String(key)] ?? '' };
    expect(render('{{ env "HOME" }}|{{ env "NOPE" }}', {}, { functions })).toBe('/home/me|');
  });

  it('reports errors thrown by caller functions as execution errors', () => {
    const functions = {
      boom: () => {
        throw new Error('kaput');
      },
    };
    const error = renderError('x {{ boom }}', {}, { functions });
    expect(error).toMatchObject({ kind: 'exec', line: 1, column: 6 });
    expect(error.message).toContain('error calling boom: kaput');
  });

  it('prints <no value> when a caller function returns undefined', () => {
    expect(render('{{ nothing }}', {}, { functions: { nothing: () => undefined } })).toBe('<no value>');
  });

  it('rejects a non-function in the function map without throwing', () => {
    const result = renderTemplate('{{ x }}', {}, { functions: { x: 'nope' as never } });
    expect(result.ok).toBe(false);
  });

  it('exposes the builtin registry read-only', () => {
    expect(Object.isFrozen(builtinFunctions)).toBe(true);
    expect(typeof builtinFunctions['default']).toBe('function');
    expect(builtinFunctions['env']).toBeUndefined();
  });

  it.each([
    '{{',
    '}}{{',
    '{{{{',
    '{{ .a.b.c.d }}',
    '{{ (((',
    '{{ "\\',
    '{{/*',
    '{{- -}}',
    '{{ $ }}',
    '\u0000{{ . }}',
  ])('never throws for %j', (text) => {
    expect(() => renderTemplate(text, { a: null })).not.toThrow();
  });

  it('returns an error instead of throwing for cyclic data', () => {
    const cyclic: Record<string, unknown> = { name: 'x' };
    cyclic['self'] = cyclic;
    expect(render('{{ .self.self.name }}', cyclic)).toBe('x');
    const result = renderTemplate('{{ . }}', cyclic);
    expect(result.ok).toBe(false);
    expect(renderTemplate('{{ toJson . }}', cyclic)).toEqual({ ok: true, output: '' });
  });

  it('does not read the prototype chain of data objects', () => {
    expect(render('{{ .toString }}|{{ index . "hasOwnProperty" }}', {})).toBe('<no value>|<no value>');
    expect(renderError('{{ constructor }}', {}).message).toContain('function "constructor" not defined');
  });

  it('does not modify the data', () => {
    const data = { l: ['b', 'a'], m: { x: 1 } };
    const copy = structuredClone(data);
    render('{{ sortAlpha .l }}{{ reverse .l }}{{ append .l "c" }}{{ dict "m" .m }}', data);
    expect(data).toEqual(copy);
  });
});

import { describe, expect, it } from 'vitest';
import type { MissingKey } from '../../src/template/index.js';
import { type ExpectedError, render, renderError } from './helpers.js';

describe('printing values like Go fmt', () => {
  it.each<[string, unknown, string]>([
    ['string', 'text', 'text'],
    ['integer', 42, '42'],
    ['negative integer', -7, '-7'],
    ['float', 1.5, '1.5'],
    ['float sum', 0.1 + 0.2, '0.30000000000000004'],
    ['large float', 1e21, '1e+21'],
    ['float above 1e6 with a fraction', 1234567.5, '1.2345675e+06'],
    ['small float', 0.00001, '1e-05'],
    ['small float in fixed notation', 0.0001, '0.0001'],
    ['true', true, 'true'],
    ['false', false, 'false'],
    ['list', ['a', 'b', 'c'], '[a b c]'],
    ['nested list', [[1, 2], [3]], '[[1 2] [3]]'],
    ['empty list', [], '[]'],
    ['map with sorted keys', { b: 'x', a: 1 }, 'map[a:1 b:x]'],
    ['nested map', { a: { b: [1, true] } }, 'map[a:map[b:[1 true]]]'],
    ['empty map', {}, 'map[]'],
    ['nil', null, '<no value>'],
    ['nil inside a list', ['a', null], '[a <nil>]'],
  ])('%s', (_name, value, expected) => {
    expect(render('{{ .v }}', { v: value })).toBe(expected);
  });

  it('prints <no value> for missing root data', () => {
    expect(render('{{ . }}|{{ .a }}', undefined)).toBe('<no value>|<no value>');
    expect(render('{{ .a }}', null)).toBe('<no value>');
  });
});

describe('field access and missing keys', () => {
  const data = {
    vars: { stage: 'prod', nested: { deep: 'd' } },
    n: null,
    s: 'str',
    l: [1],
    m: { a: 1 },
    'my-key': 'v',
  };

  it.each<[string, string, MissingKey, string]>([
    ['chain of keys', '{{ .vars.nested.deep }}', 'default', 'd'],
    ['missing key prints <no value>', '{{ .vars.region }}', 'default', '<no value>'],
    ['field of a missing key', '{{ .a.b.c }}', 'default', '<no value>'],
    ['field of nil', '{{ .n.x }}', 'default', '<no value>'],
    ['missing key with zero', '{{ .vars.region }}-x', 'zero', '-x'],
    ['field of a missing key with zero', '[{{ .a.b }}]', 'zero', '[]'],
    ['missing key piped into default', '{{ .vars.region | default "us" }}', 'default', 'us'],
    ['key with a dash through index', '{{ index . "my-key" }}', 'error', 'v'],
    ['own properties only', '{{ .constructor }}', 'default', '<no value>'],
  ])('%s (%s)', (_name, template, missingKey, expected) => {
    expect(render(template, data, { missingKey })).toBe(expected);
  });

  it('fails under missingkey=error before default can apply, as Go does', () => {
    const error = renderError('{{ .vars.region | default "us" }}', data, { missingKey: 'error' });
    expect(error.message).toContain('map has no entry for key "region"');
  });

  it.each<[string, string, MissingKey, ExpectedError]>([
    [
      'missing key under error',
      '{{ .vars.stage }}-{{ .vars.stage2 }}',
      'error',
      { kind: 'exec', message: 'at <.vars.stage2>: map has no entry for key "stage2"', line: 1, column: 22 },
    ],
    [
      'nil value under error',
      'a\n  {{ .n.x }}',
      'error',
      { kind: 'exec', message: 'nil pointer evaluating interface {}.x', line: 2, column: 6 },
    ],
    [
      'condition on a missing key under error',
      '{{ if .nope }}{{ end }}',
      'error',
      { kind: 'exec', message: 'map has no entry for key "nope"', line: 1, column: 7 },
    ],
    [
      'field of a string',
      '{{ .s.x }}',
      'default',
      { kind: 'exec', message: "can't evaluate field x in type string", line: 1, column: 4 },
    ],
    [
      'field of a list',
      '{{ .l.x }}',
      'default',
      { kind: 'exec', message: "can't evaluate field x in type []interface {}", line: 1, column: 4 },
    ],
    [
      'arguments to a map key',
      '{{ .m.a 1 }}',
      'default',
      { kind: 'exec', message: 'a is not a method but has arguments', line: 1, column: 4 },
    ],
    [
      'arguments to a literal',
      '{{ "x" 1 }}',
      'default',
      { kind: 'exec', message: 'can\'t give argument to non-function "x"', line: 1, column: 4 },
    ],
    [
      'nil as a command',
      '{{ nil }}',
      'default',
      { kind: 'exec', message: 'nil is not a command', line: 1, column: 4 },
    ],
    [
      'range over a string',
      '{{ range .s }}{{ end }}',
      'default',
      { kind: 'exec', message: "range can't iterate over str", line: 1, column: 10 },
    ],
  ])('%s', (_name, template, missingKey, expected) => {
    const error = renderError(template, data, { missingKey });
    expect(error).toMatchObject({ kind: expected.kind, line: expected.line, column: expected.column });
    expect(error.message).toContain(expected.message);
  });

  it('reports missing keys with Go-style text naming the action and the key', () => {
    const error = renderError(
      '{{ .vars.tenant }}-{{ .vars.stage }}',
      { vars: { tenant: 't' } },
      {
        name: 'stack-name',
        missingKey: 'error',
      },
    );
    expect(error.message).toBe(
      'template: stack-name:1:23: executing "stack-name" at <.vars.stage>: map has no entry for key "stage"',
    );
    expect(error.offset).toBe(22);
  });

  it('reports execution errors inside multi-line templates at the right line', () => {
    const error = renderError('a: 1\nb: {{ .x.y }}', {}, { name: 't', missingKey: 'error' });
    expect(error.message).toBe('template: t:2:7: executing "t" at <.x.y>: map has no entry for key "x"');
  });
});

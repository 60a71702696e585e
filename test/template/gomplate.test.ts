import { describe, expect, it } from 'vitest';
import { render, renderError } from './helpers.js';

const data = {
  atmos_component: 'test/test-component-override',
  atmos_stack: 'tenant1-ue2-dev',
  vars: { name: "it's o'k", count: 3 },
  prefixed: 'x-vpc',
};

describe('Gomplate strings namespace', () => {
  it.each<[string, string, string]>([
    [
      'Title as a call (Atmos complete fixture)',
      '{{ strings.Title .atmos_component }} component',
      'Test/Test-Component-Override component',
    ],
    ['Title lower-cases the rest of a word', '{{ strings.Title "hELLO wORLD" }}', 'Hello World'],
    ['Title keeps apostrophes inside words', '{{ strings.Title .vars.name }}', "It's O'k"],
    ['Quote in a pipeline', '{{ .atmos_stack | strings.Quote }}', '"tenant1-ue2-dev"'],
    ['Quote escapes', '{{ strings.Quote "a\\"b" }}', '"a\\"b"'],
    ['Squote doubles quotes', '{{ .vars.name | strings.Squote }}', "'it''s o''k'"],
    ['ToUpper and ToLower', '{{ strings.ToUpper "ab" }}{{ strings.ToLower "CD" }}', 'ABcd'],
    ['input comes last', '{{ .prefixed | strings.TrimPrefix "x-" }}', 'vpc'],
    ['TrimSuffix', '{{ strings.TrimSuffix "-vpc" .prefixed }}', 'x'],
    [
      'predicates',
      '{{ strings.HasPrefix "x" .prefixed }} {{ strings.Contains "q" .prefixed }}',
      'true false',
    ],
    ['ReplaceAll', '{{ strings.ReplaceAll "-" "_" .prefixed }}', 'x_vpc'],
    ['non-strings are converted', '{{ strings.Quote .vars.count }}', '"3"'],
    [
      'Split feeds range',
      '{{ range strings.Split "-" .atmos_stack }}[{{ . }}]{{ end }}',
      '[tenant1][ue2][dev]',
    ],
  ])('%s', (_name, template, expected) => {
    expect(render(template, data)).toBe(expected);
  });

  it('reports an unknown namespaced function with its full name and position', () => {
    const error = renderError('ab {{ strings.Nope "x" }}', data);
    expect(error.message).toContain('function "strings.Nope" not defined');
    expect(error.column).toBe(7);
  });

  it('reports the wrong number of arguments by the namespaced name', () => {
    expect(renderError('{{ strings.TrimPrefix "x" }}', data).message).toContain('strings.TrimPrefix');
  });
});

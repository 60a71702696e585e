import { describe, expect, it } from 'vitest';
import { type ExpectedError, render, renderError } from './helpers.js';

const truthData = {
  t: true,
  f: false,
  zero: 0,
  one: 1,
  half: 0.5,
  emptyString: '',
  text: 'x',
  emptyList: [],
  list: [0],
  emptyMap: {},
  map: { a: 1 },
  nil: null,
};

describe('if / else', () => {
  it.each<[string, string]>([
    ['t', 'Y'],
    ['f', 'N'],
    ['zero', 'N'],
    ['one', 'Y'],
    ['half', 'Y'],
    ['emptyString', 'N'],
    ['text', 'Y'],
    ['emptyList', 'N'],
    ['list', 'Y'],
    ['emptyMap', 'N'],
    ['map', 'Y'],
    ['nil', 'N'],
    ['missing', 'N'],
  ])('Go truthiness of .%s', (field, expected) => {
    expect(render(`{{ if .${field} }}Y{{ else }}N{{ end }}`, truthData)).toBe(expected);
  });

  it.each<[number, string]>([
    [1, 'one'],
    [2, 'two'],
    [3, 'many'],
  ])('else if chain with %d', (v, expected) => {
    const template = '{{ if eq .v 1 }}one{{ else if eq .v 2 }}two{{ else }}many{{ end }}';
    expect(render(template, { v })).toBe(expected);
  });

  it('declares a variable in the condition, visible in both branches', () => {
    expect(render('{{ if $x := .a }}{{ $x }}{{ else }}no {{ $x }}{{ end }}', { a: 'v' })).toBe('v');
    expect(render('{{ if $x := .a }}{{ $x }}{{ else }}no {{ $x }}{{ end }}', { a: 0 })).toBe('no 0');
  });
});

describe('with, range and variables', () => {
  const data = {
    m: { a: 1 },
    name: 'root',
    l: ['a', 'b'],
    nums: [1, 2, 3, 4],
    unsorted: { b: 2, a: 1, c: 3 },
    empty: [],
    p: 'x',
    o: ['a', 'b'],
    i: [1, 2, 3],
  };
  it.each<[string, string, string]>([
    ['with sets dot', '{{ with .m }}{{ .a }}{{ end }}', '1'],
    ['with else', '{{ with .missing }}x{{ else }}none{{ end }}', 'none'],
    ['else with', '{{ with .missing }}a{{ else with .m }}{{ .a }}{{ else }}c{{ end }}', '1'],
    ['$ is the root inside with', '{{ with .m }}{{ $.name }}{{ end }}', 'root'],
    ['range over a list', '{{ range .l }}[{{ . }}]{{ end }}', '[a][b]'],
    ['range with index and value', '{{ range $i, $v := .l }}{{ $i }}:{{ $v }} {{ end }}', '0:a 1:b '],
    ['range with one variable gets the element', '{{ range $v := .l }}{{ $v }}{{ end }}', 'ab'],
    [
      'range over a map in key order',
      '{{ range $k, $v := .unsorted }}{{ $k }}={{ $v }},{{ end }}',
      'a=1,b=2,c=3,',
    ],
    ['range over map values', '{{ range .unsorted }}{{ . }}{{ end }}', '123'],
    ['range else on an empty list', '{{ range .empty }}x{{ else }}empty{{ end }}', 'empty'],
    ['range else on a missing value', '{{ range .missing }}x{{ else }}empty{{ end }}', 'empty'],
    ['range over an integer', '{{ range 3 }}{{ . }}{{ end }}', '012'],
    ['break', '{{ range .nums }}{{ if eq . 3 }}{{ break }}{{ end }}{{ . }}{{ end }}', '12'],
    ['continue', '{{ range .nums }}{{ if eq . 2 }}{{ continue }}{{ end }}{{ . }}{{ end }}', '134'],
    [
      'break leaves only the innermost range',
      '{{ range .o }}{{ . }}:{{ range $.i }}{{ if eq . 2 }}{{ break }}{{ end }}{{ . }}{{ end }};{{ end }}',
      'a:1;b:1;',
    ],
    ['$ inside range', '{{ range .l }}{{ $.p }}{{ . }} {{ end }}', 'xa xb '],
    ['declaration prints nothing; assignment updates', '{{ $x := "a" }}{{ $x }}{{ $x = "b" }}{{ $x }}', 'ab'],
    [
      'inner declaration shadows until end',
      '{{ $x := 1 }}{{ if true }}{{ $x := 2 }}{{ $x }}{{ end }}{{ $x }}',
      '21',
    ],
    [
      'assignment inside range changes the outer variable',
      '{{ $last := "" }}{{ range .l }}{{ $last = . }}{{ end }}{{ $last }}',
      'b',
    ],
    ['field of a variable', '{{ $m := .m }}{{ $m.a }}', '1'],
    ['field of a parenthesized pipeline', '{{ (dict "a" (dict "b" "deep")).a.b }}', 'deep'],
    ['variable piped into a function', '{{ $s := "abc" }}{{ $s | upper }}', 'ABC'],
  ])('%s', (_name, template, expected) => {
    expect(render(template, data)).toBe(expected);
  });
});

describe('define, template and block', () => {
  it.each<[string, string, unknown, string]>([
    [
      'template with data',
      '{{ define "greet" }}Hello {{ . }}{{ end }}{{ template "greet" .name }}!',
      { name: 'Bob' },
      'Hello Bob!',
    ],
    ['template without data', '{{ define "t" }}[{{ . }}]{{ end }}{{ template "t" }}', {}, '[<no value>]'],
    [
      '$ in a template is its data',
      '{{ define "t" }}{{ $.a }}{{ end }}{{ template "t" .m }}',
      { m: { a: 'in' } },
      'in',
    ],
    ['define can come after use', '{{ template "later" . }}{{ define "later" }}ok{{ end }}', {}, 'ok'],
    ['block defines and runs', '{{ block "b" .v }}<{{ . }}>{{ end }}', { v: 1 }, '<1>'],
    [
      'recursive template',
      '{{ define "r" }}{{ if . }}{{ index . 0 }}{{ template "r" (slice . 1) }}{{ end }}{{ end }}{{ template "r" .l }}',
      { l: [1, 2, 3] },
      '123',
    ],
  ])('%s', (_name, template, data, expected) => {
    expect(render(template, data)).toBe(expected);
  });

  it.each<[string, string, ExpectedError]>([
    [
      'undefined template',
      'x{{ template "nope" }}',
      { kind: 'exec', message: 'template "nope" not defined', line: 1, column: 2 },
    ],
    [
      'unbounded recursion',
      '{{ define "loop" }}{{ template "loop" . }}{{ end }}{{ template "loop" . }}',
      { kind: 'exec', message: 'exceeded maximum template depth', line: 1, column: 20 },
    ],
  ])('%s', (_name, template, expected) => {
    const error = renderError(template, {});
    expect(error).toMatchObject({ kind: expected.kind, line: expected.line, column: expected.column });
    expect(error.message).toContain(expected.message);
  });

  it('names the defined template being executed in errors', () => {
    const error = renderError(
      '{{ define "inner" }}{{ .x.y }}{{ end }}{{ template "inner" . }}',
      {},
      {
        name: 'main',
        missingKey: 'error',
      },
    );
    expect(error.message).toBe(
      'template: main:1:24: executing "inner" at <.x.y>: map has no entry for key "x"',
    );
  });
});

import { describe, expect, it } from 'vitest';
import { type ExpectedError, render, renderError } from './helpers.js';

describe('text, actions and literals', () => {
  it.each<[string, string, unknown, string]>([
    ['plain text passes through', 'hello world', {}, 'hello world'],
    ['text around an action', 'a{{ "b" }}c', {}, 'abc'],
    ['comment is dropped', 'a{{/* note */}}b', {}, 'ab'],
    ['multi-line comment', 'a{{/* one\ntwo */}}b', {}, 'ab'],
    ['comment with trim markers', 'a  {{- /* c */ -}}  b', {}, 'ab'],
    ['left trim removes preceding whitespace', 'a \n\t {{- "b" }}', {}, 'ab'],
    ['right trim removes following whitespace', '{{ "a" -}} \n  b', {}, 'ab'],
    [
      'trim inside YAML list',
      'list:\n{{- range .l }}\n  - {{ . }}\n{{- end }}\n',
      { l: [1, 2] },
      'list:\n  - 1\n  - 2\n',
    ],
    ['minus without space is a negative number', '{{-3}} {{ -3 }}', {}, '-3 -3'],
    ['trim marker needs a space', 'a {{- 3}}', {}, 'a3'],
    ['newlines inside an action', '{{ print\n  "a"\n  "b" }}', {}, 'ab'],
    ['string escapes', '{{ "a\\tb\\n\\"q\\" \\u00e9 \\x41 \\101 \\\\" }}', {}, 'a\tb\n"q" é A A \\'],
    ['raw string keeps backslashes', '{{ `a\\nb` }}', {}, 'a\\nb'],
    ['raw string spans lines', '{{ `one\ntwo` }}', {}, 'one\ntwo'],
    [
      'integer forms',
      '{{ 42 }} {{ -7 }} {{ 0x1F }} {{ 0o17 }} {{ 017 }} {{ 0b101 }} {{ 1_000 }}',
      {},
      '42 -7 31 15 15 5 1000',
    ],
    ['float forms', '{{ 1.5 }} {{ .5 }} {{ 1e3 }} {{ 2.50 }}', {}, '1.5 0.5 1000 2.5'],
    ['character constants are numbers', "{{ 'a' }} {{ '\\n' }} {{ '\\'' }}", {}, '97 10 39'],
    ['booleans and nil', '{{ true }} {{ false }} {{ print nil }}', {}, 'true false <nil>'],
    ['dot is the data', '{{ . }}', 'x', 'x'],
    ['parenthesized pipeline', '{{ (print "a" "b") }}', {}, 'ab'],
    ['parenthesized pipeline as argument', '{{ print (print 1 2) "x" }}', {}, '1 2x'],
    ['pipeline passes the value as last argument', '{{ "a" | printf "%s-%s" "b" }}', {}, 'b-a'],
    ['text containing a lone right delimiter', 'a }} b', {}, 'a }} b'],
  ])('%s', (_name, template, data, expected) => {
    expect(render(template, data)).toBe(expected);
  });
});

describe('custom delimiters', () => {
  it.each<[string, string, readonly [string, string], string]>([
    ['square brackets', '[[ .a ]] {{ .a }}', ['[[', ']]'], '1 {{ .a }}'],
    ['trim markers with custom delimiters', 'x  [[- .a -]]  y', ['[[', ']]'], 'x1y'],
    ['comments with custom delimiters', '<%/* c */%><% .a %>', ['<%', '%>'], '1'],
    ['empty delimiters fall back to the defaults', '{{ .a }}', ['', ''], '1'],
  ])('%s', (_name, template, delimiters, expected) => {
    expect(render(template, { a: 1 }, { delimiters })).toBe(expected);
  });
});

describe('syntax errors', () => {
  it.each<[string, string, ExpectedError]>([
    [
      'unknown function',
      'x {{ foo 1 }}',
      { kind: 'syntax', message: 'function "foo" not defined', line: 1, column: 6 },
    ],
    ['unclosed action', 'a {{ .x ', { kind: 'syntax', message: 'unclosed action', line: 1, column: 3 }],
    [
      'missing end',
      'line1\n{{ if .a }}\nbody',
      { kind: 'syntax', message: 'unexpected EOF (missing {{end}} for {{if}} at 2:1)', line: 3, column: 5 },
    ],
    [
      'error on line 3',
      'a: 1\nb: 2\nc: {{ .x ) }}',
      { kind: 'syntax', message: 'unexpected right paren', line: 3, column: 10 },
    ],
    ['stray end', '{{ end }}', { kind: 'syntax', message: 'unexpected {{end}}', line: 1, column: 1 }],
    ['stray else', 'a{{ else }}', { kind: 'syntax', message: 'unexpected {{else}}', line: 1, column: 2 }],
    [
      'undefined variable',
      '{{ $x }}',
      { kind: 'syntax', message: 'undefined variable "$x"', line: 1, column: 4 },
    ],
    [
      'assignment to undeclared variable',
      '{{ $x = 1 }}',
      { kind: 'syntax', message: 'undefined variable "$x"', line: 1, column: 4 },
    ],
    [
      'variable out of scope',
      '{{ if 1 }}{{ $x := 1 }}{{ end }}{{ $x }}',
      { kind: 'syntax', message: 'undefined variable "$x"', line: 1, column: 36 },
    ],
    [
      'defined template cannot see outer variables',
      '{{ $x := 1 }}{{ define "t" }}{{ $x }}{{ end }}',
      { kind: 'syntax', message: 'undefined variable "$x"', line: 1, column: 33 },
    ],
    [
      'break outside range',
      '{{ break }}',
      { kind: 'syntax', message: '{{break}} outside {{range}}', line: 1, column: 4 },
    ],
    [
      'continue outside range',
      '{{ if 1 }}{{ continue }}{{ end }}',
      { kind: 'syntax', message: '{{continue}} outside {{range}}', line: 1, column: 14 },
    ],
    [
      'unterminated string',
      '{{ "abc }}',
      { kind: 'syntax', message: 'unterminated quoted string', line: 1, column: 4 },
    ],
    [
      'unterminated raw string',
      '{{ `abc }}',
      { kind: 'syntax', message: 'unterminated raw quoted string', line: 1, column: 4 },
    ],
    ['invalid escape', '{{ "\\q" }}', { kind: 'syntax', message: 'invalid syntax', line: 1, column: 4 }],
    ['bad number', '{{ 12ab }}', { kind: 'syntax', message: 'bad number syntax: "12a"', line: 1, column: 4 }],
    [
      'bad character after a field',
      '{{ .a-b }}',
      { kind: 'syntax', message: "bad character U+002D '-'", line: 1, column: 6 },
    ],
    [
      'unrecognized character',
      '{{ .a ~ }}',
      { kind: 'syntax', message: 'unexpected "~" in operand', line: 1, column: 7 },
    ],
    ['unclosed comment', 'a {{/* x', { kind: 'syntax', message: 'unclosed comment', line: 1, column: 3 }],
    [
      'comment followed by code',
      '{{/* x */ .a }}',
      { kind: 'syntax', message: 'comment ends before closing delimiter', line: 1, column: 1 },
    ],
    [
      'literal as later pipeline stage',
      '{{ .a | "x" }}',
      { kind: 'syntax', message: 'non executable command in pipeline stage 2', line: 1, column: 9 },
    ],
    [
      'if without condition',
      '{{ if }}{{ end }}',
      { kind: 'syntax', message: 'missing value for if', line: 1, column: 7 },
    ],
    ['empty action', '{{ }}', { kind: 'syntax', message: 'missing value for command', line: 1, column: 4 }],
    [
      'comma outside range',
      '{{ print 1, 2 }}',
      { kind: 'syntax', message: 'unexpected "," in operand', line: 1, column: 11 },
    ],
    [
      'else if after range',
      '{{ range .a }}{{ else if .b }}{{ end }}',
      { kind: 'syntax', message: 'unexpected <if> in input', line: 1, column: 23 },
    ],
    [
      'define inside an action',
      '{{ if 1 }}{{ define "x" }}{{ end }}{{ end }}',
      { kind: 'syntax', message: 'unexpected <define> in command', line: 1, column: 14 },
    ],
    [
      'duplicate define',
      '{{ define "a" }}1{{ end }}{{ define "a" }}2{{ end }}',
      { kind: 'syntax', message: 'multiple definition of template "a"', line: 1, column: 27 },
    ],
    [
      'unclosed left paren',
      '{{ (print 1 }}',
      { kind: 'syntax', message: 'unclosed left paren', line: 1, column: 13 },
    ],
    [
      'field after a literal',
      '{{ "a".b }}',
      { kind: 'syntax', message: 'unexpected . after term', line: 1, column: 7 },
    ],
    [
      'two variables outside range',
      '{{ $a, $b := 1 }}',
      { kind: 'syntax', message: 'too many declarations in command', line: 1, column: 6 },
    ],
  ])('%s', (_name, template, expected) => {
    const error = renderError(template, { a: 1 });
    expect(error).toMatchObject({ kind: expected.kind, line: expected.line, column: expected.column });
    expect(error.message).toContain(expected.message);
  });

  it('formats the message like Go, with the template name and position', () => {
    const error = renderError('a: 1\nb: 2\nc: {{ .x ) }}', {}, { name: 'stacks/prod.yaml.tmpl' });
    expect(error.message).toBe('template: stacks/prod.yaml.tmpl:3:10: unexpected right paren');
    expect(error.offset).toBe(19);
  });
});

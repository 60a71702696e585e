import { describe, expect, it } from 'vitest';
import { type ExpectedError, render, renderError } from './helpers.js';

const data = {
  empty: '',
  zero: 0,
  text: 'v',
  list: ['a', 'b', 'c'],
  emptyList: [],
  m: { c: 3, a: 1, b: 2 },
  flag: false,
  vars: { b: 'x', a: 1, c: [1, 2], d: null, e: '<&>' },
  nil: null,
};

describe('Sprig defaults and flow', () => {
  it.each<[string, string, string]>([
    ['default for a missing value', '{{ .missing | default "d" }}', 'd'],
    ['default for an empty string', '{{ .empty | default "d" }}', 'd'],
    ['default for zero', '{{ .zero | default 5 }}', '5'],
    ['default for an empty list', '{{ .emptyList | default "d" }}', 'd'],
    ['default keeps a set value', '{{ .text | default "d" }} {{ default "d" .text }}', 'v v'],
    ['empty', '{{ empty .missing }} {{ empty "a" }} {{ empty .m }}', 'true false false'],
    ['coalesce', '{{ coalesce .empty .nil "c" }} {{ coalesce .zero .text }}', 'c v'],
    ['coalesce of nothing', '{{ coalesce .empty .nil }}', '<no value>'],
    ['ternary', '{{ ternary "yes" "no" true }} {{ .flag | ternary "on" "off" }}', 'yes off'],
    ['all and any', '{{ all 1 "a" }} {{ all 1 "" }} {{ any 0 "" "x" }}', 'true false true'],
    [
      'typeOf and kindIs',
      '{{ typeOf .list }} {{ typeOf 1.5 }} {{ kindIs "map" .m }}',
      '[]interface {} float64 true',
    ],
  ])('%s', (_name, template, expected) => {
    expect(render(template, data)).toBe(expected);
  });
});

describe('Sprig strings', () => {
  it.each<[string, string, string]>([
    ['upper and lower', '{{ upper "abc" }} {{ lower "ABC" }}', 'ABC abc'],
    ['title', `{{ title "hello world-wide o'neil" }}`, "Hello World-Wide O'Neil"],
    ['untitle', '{{ untitle "Hello World" }}', 'hello world'],
    ['trim', '{{ trim "  x \\n" }}', 'x'],
    ['trimAll', '{{ trimAll "$" "$$5.00$" }}', '5.00'],
    [
      'trimPrefix and trimSuffix',
      '{{ trimPrefix "pre-" "pre-fix" }} {{ "a.yaml" | trimSuffix ".yaml" }}',
      'fix a',
    ],
    ['trunc', '{{ trunc 3 "abcdef" }} {{ trunc -2 "abcdef" }} {{ trunc 10 "ab" }}', 'abc ef ab'],
    ['replace', '{{ replace "-" "_" "a-b-c" }} {{ "x.y" | replace "." "/" }}', 'a_b_c x/y'],
    ['repeat', '{{ repeat 3 "ab" }}', 'ababab'],
    ['substr', '{{ substr 1 3 "hello" }} {{ substr 2 99 "hello" }}', 'el llo'],
    [
      'contains, hasPrefix, hasSuffix',
      '{{ contains "ell" "hello" }} {{ hasPrefix "he" "hello" }} {{ "hello" | hasSuffix "x" }}',
      'true true false',
    ],
    ['quote and squote', '{{ quote "a" 1 .nil }} {{ squote "a" }}', `"a" "1" 'a'`],
    ['quote escapes', '{{ quote "say \\"hi\\"" }}', '"say \\"hi\\""'],
    ['cat drops nil', '{{ cat "a" 1 .nil "b" }}', 'a 1 b'],
    ['indent and nindent', '{{ indent 2 "a\\nb" }}|{{ nindent 2 "a" }}', '  a\n  b|\n  a'],
    ['nospace', '{{ nospace " a b\\tc " }}', 'abc'],
    ['toString', '{{ toString 1 }} {{ toString .nil }} {{ toString .list }}', '1 <nil> [a b c]'],
    ['splitList', '{{ splitList "," "a,b,c" }}', '[a b c]'],
    ['split gives a map of _N keys', '{{ (split "," "a,b")._1 }}', 'b'],
    ['join', '{{ join "-" (list "a" 1 "b") }} {{ .list | join "," }}', 'a-1-b a,b,c'],
    ['toStrings drops nil', '{{ toStrings (list 1 "a" nil) }}', '[1 a]'],
  ])('%s', (_name, template, expected) => {
    expect(render(template, data)).toBe(expected);
  });

  it.each<[string, string, string]>([
    ['HTTPServer', 'http_server', 'Httpserver'],
    ['FirstName', 'first_name', 'FirstName'],
    ['NoHTTPS', 'no_https', 'NoHTTPS'],
    ['GO_PATH', 'go_path', 'GoPath'],
    ['GO PATH', 'go_path', 'GoPath'],
    ['http2xx', 'http_2xx', 'Http2xx'],
    ['HTTP20xOK', 'http_20x_ok', 'Http20xOK'],
    ['Bld4Floor3rd', 'bld4_floor_3rd', 'Bld4Floor3rd'],
    ['a1b2c3d', 'a_1b2c3d', 'A1b2c3d'],
    ['http_server', 'http_server', 'HttpServer'],
    ['_complex__case_', '_complex__case_', '_Complex_Case_'],
    ['GOLANG_IS_GREAT', 'golang_is_great', 'GolangIsGreat'],
    ['some words', 'some_words', 'SomeWords'],
  ])('snakecase, kebabcase and camelcase of %j', (input, snake, camel) => {
    const out = render('{{ snakecase .s }}|{{ kebabcase .s }}|{{ camelcase .s }}', { s: input });
    expect(out).toBe(`${snake}|${snake.replaceAll('_', '-')}|${camel}`);
  });
});

describe('Sprig lists, dicts, math, encoding and regular expressions', () => {
  it.each<[string, string, string]>([
    ['list', '{{ list 1 "a" }}', '[1 a]'],
    ['dict', '{{ $d := dict "b" 2 "a" 1 }}{{ $d }} {{ $d.a }}', 'map[a:1 b:2] 1'],
    ['get', '{{ get .m "a" }}|{{ get .m "zz" }}', '1|'],
    ['hasKey', '{{ hasKey .m "a" }} {{ hasKey .m "zz" }}', 'true false'],
    ['keys are sorted', '{{ keys .m | join "," }}', 'a,b,c'],
    ['first and last', '{{ first .list }} {{ last .list }} {{ first .emptyList }}', 'a c <no value>'],
    [
      'rest, initial, reverse',
      '{{ rest .list }} {{ initial .list }} {{ reverse .list }}',
      '[b c] [a b] [c b a]',
    ],
    [
      'append, prepend, concat',
      '{{ append .list "d" }} {{ prepend .list "z" }} {{ concat .list (list 1) }}',
      '[a b c d] [z a b c] [a b c 1]',
    ],
    [
      'uniq, has, without, compact',
      '{{ uniq (list 1 1 2) }} {{ has "b" .list }} {{ without .list "b" }} {{ compact (list "" 1 0 "x") }}',
      '[1 2] true [a c] [1 x]',
    ],
    ['sortAlpha and until', '{{ sortAlpha (list "b" "a") }} {{ until 3 }}', '[a b] [0 1 2]'],
    ['add, sub, mul', '{{ add 1 2 3 }} {{ sub 5 3 }} {{ mul 2 3 4 }}', '6 2 24'],
    ['div and mod truncate', '{{ div 7 2 }} {{ div -7 2 }} {{ mod 7 3 }}', '3 -3 1'],
    ['max and min', '{{ max 1 5 3 }} {{ min 3 1 2 }}', '5 1'],
    [
      'math converts strings and floats',
      '{{ add "2" 3 }} {{ add 1.9 1 }} {{ int "42" }} {{ int "x" }}',
      '5 2 42 0',
    ],
    [
      'toJson sorts keys',
      '{{ toJson .vars }}',
      '{"a":1,"b":"x","c":[1,2],"d":null,"e":"\\u003c\\u0026\\u003e"}',
    ],
    ['toRawJson does not escape HTML', '{{ toRawJson .vars.e }}', '"<&>"'],
    ['mustToJson', '{{ mustToJson .list }}', '["a","b","c"]'],
    ['toPrettyJson', '{{ toPrettyJson (dict "b" 1 "a" (list 1)) }}', '{\n  "a": [\n    1\n  ],\n  "b": 1\n}'],
    ['fromJson', '{{ (fromJson "{\\"a\\": [1, 2]}").a }}', '[1 2]'],
    ['b64enc and b64dec', '{{ b64enc "hello" }} {{ b64dec "aGVsbG8=" }}', 'aGVsbG8= hello'],
    ['b64dec reports bad input in its result', '{{ b64dec "!!" }}', 'illegal base64 data at input byte 0'],
    [
      'sha256sum',
      '{{ sha256sum "hello" }}',
      '2cf24dba5fb0a30e26e83b2ac5b9e29e1b161e5c1fa7425e73043362938b9824',
    ],
    ['regexMatch', '{{ regexMatch "^[a-z]+$" "abc" }} {{ regexMatch "^[a-z]+$" "a1" }}', 'true false'],
    ['regexReplaceAll with ${1}', '{{ regexReplaceAll "a(x*)b" "-ab-axxb-" "${1}W" }}', '-W-xxW-'],
    ['regexReplaceAll: $1W names group "1W"', '{{ regexReplaceAll "a(x*)b" "-ab-axxb-" "$1W" }}', '---'],
    [
      'regexReplaceAll with named groups',
      '{{ regexReplaceAll "(?P<k>\\\\w+)=(?P<v>\\\\w+)" "a=b" "${v}=${k}" }}',
      'b=a',
    ],
    ['regexReplaceAllLiteral', '{{ regexReplaceAllLiteral "a(x*)b" "-ab-" "${1}" }}', '-${1}-'],
    [
      'regexFind and regexFindAll',
      '{{ regexFind "[0-9]+" "ab12cd345" }} {{ regexFindAll "[0-9]+" "ab12cd345" -1 }}',
      '12 [12 345]',
    ],
    ['regexSplit', '{{ regexSplit "[,;]" "a,b;c" -1 }}', '[a b c]'],
  ])('%s', (_name, template, expected) => {
    expect(render(template, data)).toBe(expected);
  });

  it.each<[string, string, ExpectedError]>([
    [
      'division by zero',
      '{{ div 1 0 }}',
      {
        kind: 'exec',
        message: 'error calling div: runtime error: integer divide by zero',
        line: 1,
        column: 4,
      },
    ],
    [
      'fail',
      'ok\n{{ fail "stop here" }}',
      { kind: 'exec', message: 'error calling fail: stop here', line: 2, column: 4 },
    ],
    [
      'string argument of the wrong type',
      '{{ upper 1 }}',
      { kind: 'exec', message: 'wrong type for value; expected string; got int', line: 1, column: 4 },
    ],
    [
      'missing value for a string argument',
      '{{ .missing | upper }}',
      { kind: 'exec', message: 'invalid value; expected string', line: 1, column: 15 },
    ],
    [
      'ternary needs a bool',
      '{{ ternary "a" "b" "x" }}',
      { kind: 'exec', message: 'wrong type for value; expected bool; got string', line: 1, column: 4 },
    ],
    [
      'first of a non-list',
      '{{ first "abc" }}',
      { kind: 'exec', message: 'error calling first: Cannot find first on type string', line: 1, column: 4 },
    ],
    [
      'get needs a map',
      '{{ get .list "a" }}',
      { kind: 'exec', message: 'expected map[string]interface {}; got []interface {}', line: 1, column: 4 },
    ],
    [
      'invalid regular expression',
      '{{ regexReplaceAll "(" "x" "y" }}',
      { kind: 'exec', message: 'error calling regexReplaceAll: error parsing regexp', line: 1, column: 4 },
    ],
  ])('%s', (_name, template, expected) => {
    const error = renderError(template, data);
    expect(error).toMatchObject({ kind: expected.kind, line: expected.line, column: expected.column });
    expect(error.message).toContain(expected.message);
  });

  it.each(['env', 'expandenv', 'now', 'randAlphaNum', 'uuidv4', 'date'])(
    'does not provide the non-deterministic %s',
    (fn) => {
      expect(renderError(`{{ ${fn} "x" }}`, {}).message).toContain(`function "${fn}" not defined`);
    },
  );
});

import { describe, expect, it } from 'vitest';
import { type ExpectedError, render, renderError } from './helpers.js';

const data = {
  l: ['a', 'b', 'c'],
  m: { a: 1, b: 2, 'my-key': 'v' },
  nested: { a: [{ b: 'deep' }] },
  nums: [1, 2],
  words: ['a', 'b'],
  add: (a: number, b: number) => a + b,
  s: 'str',
};

describe('Go builtin functions', () => {
  it.each<[string, string, string]>([
    ['and returns the first falsy value', '{{ and 1 0 2 }}', '0'],
    ['and returns the last value', '{{ and 1 2 }}', '2'],
    ['or returns the first truthy value', '{{ or 0 "" "x" }}', 'x'],
    ['or returns the last value', '{{ or 0 "" }}', ''],
    ['or short-circuits', '{{ or 1 (fail "not evaluated") }}', '1'],
    ['and short-circuits', '{{ and 0 (fail "not evaluated") }}', '0'],
    ['and with a piped value', '{{ "y" | and 1 }}', 'y'],
    ['not', '{{ not 0 }} {{ not "a" }}', 'true false'],
    ['eq', '{{ eq 1 1 }} {{ eq "a" "b" }} {{ eq 1.5 1.5 }}', 'true false true'],
    ['eq with several arguments', '{{ eq "a" "b" "a" }} {{ eq 1 2 3 }}', 'true false'],
    ['eq with a missing value', '{{ eq .missing "x" }} {{ eq nil nil }}', 'false true'],
    ['ne', '{{ ne 1 2 }} {{ ne "a" "a" }}', 'true false'],
    [
      'lt le gt ge',
      '{{ lt 1 2 }} {{ le 2 2 }} {{ gt "b" "a" }} {{ ge 1 2 }} {{ lt 1.5 2 }}',
      'true true true false true',
    ],
    ['len counts bytes of strings', '{{ len "héllo" }} {{ len .l }} {{ len .m }}', '6 3 3'],
    ['index into a list', '{{ index .l 1 }}', 'b'],
    ['index into a map', '{{ index .m "a" }} {{ index .m "my-key" }}', '1 v'],
    ['index with several keys', '{{ index .nested "a" 0 "b" }}', 'deep'],
    ['index of a missing map key', '{{ index .m "zz" }}', '<no value>'],
    ['index into a string gives a byte', '{{ index "abc" 1 }}', '98'],
    ['index without keys', '{{ index .l }}', '[a b c]'],
    ['slice of a list', '{{ slice .l 1 }} {{ slice .l 1 2 }} {{ slice .l }}', '[b c] [b] [a b c]'],
    ['slice of a string', '{{ slice "hello" 1 4 }}', 'ell'],
    ['print spaces non-string operands', '{{ print "a" 1 2 "b" }}|{{ print 1 2 }}', 'a1 2b|1 2'],
    ['println', '{{ println "a" 1 }}', 'a 1\n'],
    ['html', `{{ html "<a href='x'>&\\"</a>" }}`, '&lt;a href=&#39;x&#39;&gt;&amp;&#34;&lt;/a&gt;'],
    ['js', `{{ js "it's <b>\\"q\\"\\\\ =" }}`, `it\\'s \\u003Cb\\u003E\\"q\\"\\\\ \\u003D`],
    ['urlquery', '{{ urlquery "a b&c=d/é" }}', 'a+b%26c%3Dd%2F%C3%A9'],
    ['escapers join their arguments like print', '{{ urlquery "a" 1 }}', 'a1'],
    ['call', '{{ call .add 1 2 }}', '3'],
  ])('%s', (_name, template, expected) => {
    expect(render(template, data)).toBe(expected);
  });

  it.each<[string, string, ExpectedError]>([
    [
      'eq of different types',
      '{{ eq 1 "1" }}',
      { kind: 'exec', message: 'error calling eq: incompatible types for comparison', line: 1, column: 4 },
    ],
    [
      'lt of booleans',
      '{{ lt true false }}',
      { kind: 'exec', message: 'error calling lt: invalid type for comparison', line: 1, column: 4 },
    ],
    [
      'eq of lists',
      '{{ eq .l .l }}',
      { kind: 'exec', message: 'error calling eq: non-comparable type', line: 1, column: 4 },
    ],
    [
      'len of a number',
      '{{ len 3 }}',
      { kind: 'exec', message: 'error calling len: len of type int', line: 1, column: 4 },
    ],
    [
      'index out of range',
      '{{ index .l 5 }}',
      { kind: 'exec', message: 'error calling index: index out of range: 5', line: 1, column: 4 },
    ],
    [
      'index of nil',
      '{{ index .missing 1 }}',
      { kind: 'exec', message: 'error calling index: index of untyped nil', line: 1, column: 4 },
    ],
    [
      'bad slice bounds',
      '{{ slice .l 2 1 }}',
      { kind: 'exec', message: 'error calling slice: invalid slice index: 2 > 1', line: 1, column: 4 },
    ],
    [
      'call of nil',
      '{{ call .missing }}',
      { kind: 'exec', message: 'error calling call: call of nil', line: 1, column: 4 },
    ],
    [
      'call of a non-function',
      '{{ call .s }}',
      { kind: 'exec', message: 'error calling call: non-function of type string', line: 1, column: 4 },
    ],
    [
      'wrong argument count',
      '{{ not }}',
      { kind: 'exec', message: 'wrong number of args for not: want 1 got 0', line: 1, column: 4 },
    ],
    [
      'and without arguments',
      '{{ and }}',
      { kind: 'exec', message: 'wrong number of args for and: want at least 1 got 0', line: 1, column: 4 },
    ],
    [
      'wrong argument type in a pipeline',
      '{{ 1 | printf }}',
      { kind: 'exec', message: 'wrong type for value; expected string; got int', line: 1, column: 8 },
    ],
  ])('%s', (_name, template, expected) => {
    const error = renderError(template, data);
    expect(error).toMatchObject({ kind: expected.kind, line: expected.line, column: expected.column });
    expect(error.message).toContain(expected.message);
  });
});

describe('printf', () => {
  it.each<[string, string, string]>([
    ['strings', '"%s-%s" "a" "b"', 'a-b'],
    ['integer', '"%d" 42', '42'],
    ['zero padding', '"%05d" 42', '00042'],
    ['zero padding after the sign', '"%05d" -42', '-0042'],
    ['left alignment', '"%-5d|" 42', '42   |'],
    ['plus sign', '"%+d" 5', '+5'],
    ['hex, octal, binary', '"%x %X %#x %o %b" 255 255 255 8 5', 'ff FF 0xff 10 101'],
    ['float default precision', '"%f" 3.14159', '3.141590'],
    ['float precision', '"%.2f" 3.14159', '3.14'],
    ['float width and precision', '"%8.3f" 3.14159', '   3.142'],
    ['float rounds half to even', '"%.0f %.0f" 2.5 3.5', '2 4'],
    ['integer with a float verb', '"%.2f" 5', '5.00'],
    ['percent literal', '"%6.2f%%" 12.5', ' 12.50%'],
    ['exponent', '"%e" 1234.5678', '1.234568e+03'],
    ['%g', '"%g %g %.3g" 1234.5678 1e21 1234.5678', '1234.5678 1e+21 1.23e+03'],
    ['%v of composites', '"%v %v %v" .nums .m nil', '[1 2] map[a:1 b:2 my-key:v] <nil>'],
    ['%s of a list of strings', '"%s" .words', '[a b]'],
    ['%q', '"%q %q" "hi\\"x" 65', `"hi\\"x" 'A'`],
    ['%q escapes control characters', '"%q" "a\\nb\\x01"', '"a\\nb\\x01"'],
    ['%t and %c', '"%t %c" true 65', 'true A'],
    [
      '%T',
      '"%T %T %T %T %T %T" "s" 1 1.5 .nums .m nil',
      'string int float64 []interface {} map[string]interface {} <nil>',
    ],
    ['string width', '"%5s|%-5s|" "ab" "cd"', '   ab|cd   |'],
    ['string precision', '"%.2s" "hello"', 'he'],
    ['hex of a string', '"%x % x" "hi" "hi"', '6869 68 69'],
    ['%U', '"%U" 128512', 'U+1F600'],
    ['explicit argument indexes', '"%[2]s %[1]s" "a" "b"', 'b a'],
    ['width from an argument', '"%*d" 5 42', '   42'],
    ['wrong verb', '"%d" "x"', '%!d(string=x)'],
    ['missing argument', '"%s %s" "a"', 'a %!s(MISSING)'],
    ['extra argument', '"%s" "a" "b"', 'a%!(EXTRA string=b)'],
    ['no verb', '"50%"', '50%!(NOVERB)'],
  ])('%s', (_name, args, expected) => {
    expect(render(`{{ printf ${args} }}`, { nums: [1, 2], m: data.m, words: ['a', 'b'] })).toBe(expected);
  });
});

import { describe, expect, it } from 'vitest';
import { envFunctions } from '../../src/template/index.js';
import { render, renderError } from './helpers.js';

const data = {
  list: ['b', 'a', 'c'],
  m: { foo: 1, bar: 2, baz: 3 },
  nested: { a: { x: 1, y: 2 }, b: 'keep' },
  people: [
    { name: 'c', age: 3 },
    { name: 'a', age: 1 },
    { name: 'b', age: 8 },
  ],
  yamlData: { d: 'plain', c: 'yes', b: [1, 'true', ''], a: 'x: y', e: 'two\nlines' },
  nil: null,
};

type Case = [name: string, template: string, expected: string];

const cases: Record<string, Case[]> = {
  conv: [
    [
      'ToBool true-ish',
      '{{ conv.ToBool "yes" }} {{ conv.ToBool true }} {{ conv.ToBool "0x01" }}',
      'true true true',
    ],
    [
      'ToBool false-ish',
      '{{ conv.ToBool false }} {{ conv.ToBool "blah" }} {{ conv.ToBool 0 }} {{ conv.ToBool "TRUE" }} {{ conv.ToBool 1 }}',
      'false false false true true',
    ],
    ['ToBools', '{{ conv.ToBools "yes" true "0x01" "no" }}', '[true true true false]'],
    ['Bool is strconv.ParseBool', '{{ conv.Bool "True" }} {{ conv.Bool "yes" }}', 'true false'],
    ['ToInt64 keeps 64-bit precision', '{{ conv.ToInt64 "9223372036854775807" }}', '9223372036854775807'],
    [
      'ToInt parses Go literals, commas and floats',
      '{{ conv.ToInt "0x42" }} {{ conv.ToInt true }} {{ conv.ToInt "1,234" }} {{ conv.ToInt 3.9 }} {{ conv.ToInt "-7.5" }} {{ conv.ToInt "010" }}',
      '66 1 1234 3 -7 8',
    ],
    [
      'ToInt of unconvertible input is 0 (Gomplate v3)',
      '{{ conv.ToInt "abc" }} {{ conv.ToInt .nil }}',
      '0 0',
    ],
    ['ToInts', '{{ conv.ToInts true 0x42 "123,456.99" "1.2345e+3" }}', '[1 66 123456 1234]'],
    ['ToInt64s', '{{ conv.ToInt64s "1" 2.5 }}', '[1 2]'],
    [
      'ToFloat64',
      '{{ conv.ToFloat64 "8.233e-1" }} {{ conv.ToFloat64 "9,000.09" }} {{ conv.ToFloat64 2 }} {{ conv.ToFloat64 "x" }}',
      '0.8233 9000.09 2 0',
    ],
    ['ToFloat64s', '{{ conv.ToFloat64s true 0x42 "123,456.99" "1.2345e+3" }}', '[1 66 123456.99 1234.5]'],
    [
      'ToString',
      '{{ conv.ToString 0xFF }} {{ dict "foo" "bar" | conv.ToString }} {{ conv.ToString nil }}',
      '255 map[foo:bar] nil',
    ],
    [
      'ToStrings',
      '{{ conv.ToStrings nil 42 true 0xF (coll.Slice 1 2 3) | toJson }}',
      '["nil","42","true","15","[1 2 3]"]',
    ],
    [
      'Default',
      '{{ "" | conv.Default "foo" }} {{ "bar" | conv.Default "baz" }} {{ conv.Default 5 0 }}',
      'foo bar 5',
    ],
    [
      'Join',
      '{{ conv.Join (coll.Slice 1 2 3) "-" }} {{ conv.Join (coll.Slice "a" nil) "," }}',
      '1-2-3 a,nil',
    ],
    ['Has (alias of coll.Has)', '{{ conv.Has .m "foo" }} {{ conv.Has .list "z" }}', 'true false'],
    ['Slice (alias of coll.Slice)', '{{ conv.Slice 1 "a" }}', '[1 a]'],
    ['Dict (alias of coll.Dict)', '{{ conv.Dict "a" 1 "b" | toJson }}', '{"a":1,"b":""}'],
  ],
  coll: [
    ['Dict', '{{ coll.Dict "name" "Frank" "age" 42 | data.ToYAML }}', 'age: 42\nname: Frank\n'],
    ['Dict with an odd count and non-string keys', '{{ coll.Dict 1 2 3 | data.ToJSON }}', '{"1":2,"3":""}'],
    ['Slice', '{{ range coll.Slice "Bart" "Lisa" }}Hello, {{ . }}! {{ end }}', 'Hello, Bart! Hello, Lisa! '],
    [
      'Has on a list',
      '{{ $l := coll.Slice "foo" "bar" "baz" }}there is {{ if coll.Has $l "bar" }}a{{ else }}no{{ end }} bar',
      'there is a bar',
    ],
    [
      'Has on a map',
      '{{ coll.Has .m "foo" }} {{ coll.Has .m "qux" }} {{ coll.Has "str" "s" }}',
      'true false false',
    ],
    ['Keys', '{{ coll.Keys (dict "foo" 1 "bar" 2) }}', '[bar foo]'],
    [
      'Keys of several maps',
      '{{ $a := dict "foo" 1 "bar" 2 }}{{ $b := dict "baz" 3 "qux" 4 }}{{ coll.Keys $a $b }}',
      '[bar foo baz qux]',
    ],
    [
      'Values of several maps',
      '{{ $a := dict "foo" 1 "bar" 2 }}{{ $b := dict "baz" 3 "qux" 4 }}{{ coll.Values $a $b }}',
      '[2 1 3 4]',
    ],
    ['Append', '{{ coll.Slice 1 1 2 3 | coll.Append 5 }}', '[1 1 2 3 5]'],
    ['Prepend', '{{ coll.Slice 4 3 2 1 | coll.Prepend 5 }}', '[5 4 3 2 1]'],
    ['Uniq', '{{ coll.Slice 1 2 3 2 3 4 1 5 | coll.Uniq }}', '[1 2 3 4 5]'],
    ['Reverse leaves the input alone', '{{ .list | coll.Reverse }} {{ .list }}', '[c a b] [b a c]'],
    [
      'Sort strings and numbers',
      '{{ coll.Slice "foo" "bar" "baz" | coll.Sort }} {{ coll.Sort (coll.Slice 3 4 1 2 5) }}',
      '[bar baz foo] [1 2 3 4 5]',
    ],
    ['Sort leaves mixed kinds unsorted', '{{ coll.Slice 2 "a" 1 | coll.Sort }}', '[2 a 1]'],
    ['Sort leaves the input alone', '{{ coll.Sort .list }} {{ .list }}', '[a b c] [b a c]'],
    ['Sort maps by key', '{{ range coll.Sort "age" .people }}{{ .name }}{{ end }}', 'acb'],
    [
      'Merge: the first map wins',
      '{{ $default := dict "foo" 1 "bar" 2 }}{{ $config := dict "foo" 8 }}{{ coll.Merge $config $default }}',
      'map[bar:2 foo:8]',
    ],
    [
      'Merge several sources',
      '{{ $dst := dict "foo" 1 "bar" 2 }}{{ $s1 := dict "foo" 8 "baz" 4 }}{{ $s2 := dict "foo" 3 "bar" 5 }}{{ coll.Merge $dst $s1 $s2 }}',
      'map[bar:2 baz:4 foo:1]',
    ],
    [
      'Merge is deep and leaves the input alone',
      '{{ coll.Merge (dict "a" (dict "x" 10)) .nested | toJson }} {{ toJson .nested }}',
      '{"a":{"x":10,"y":2},"b":"keep"} {"a":{"x":1,"y":2},"b":"keep"}',
    ],
    ['Flatten', '{{ "[[1,2],[],[[3,4],[[[5],6],7]]]" | data.JSONArray | coll.Flatten }}', '[1 2 3 4 5 6 7]'],
    [
      'Flatten to a depth',
      '{{ coll.Flatten 2 ("[[1,2],[],[[3,4],[[[5],6],7]]]" | data.JSONArray) }}',
      '[1 2 3 4 [[5] 6] 7]',
    ],
    [
      'Pick',
      '{{ coll.Pick "foo" "baz" .m }} {{ $k := coll.Slice "foo" "baz" }}{{ coll.Pick $k .m }}',
      'map[baz:3 foo:1] map[baz:3 foo:1]',
    ],
    ['Omit', '{{ .m | coll.Omit "foo" "baz" }} {{ .m }}', 'map[bar:2] map[bar:2 baz:3 foo:1]'],
    ['Index into a map', '{{ coll.Index "foo" (dict "foo" "bar") }}', 'bar'],
    ['Index nested', '{{ $m := data.JSON `{"foo": {"bar": "baz"}}` }}{{ coll.Index "foo" "bar" $m }}', 'baz'],
    ['Index into a list', '{{ coll.Slice "foo" "bar" "baz" | coll.Index 1 }}', 'bar'],
    ['GoSlice', '{{ coll.GoSlice "hello world" 3 8 }}', 'lo wo'],
  ],
  math: [
    [
      'Add',
      '{{ math.Add 1 2 3 4 }} {{ math.Add 1.5 2 3 }} {{ math.Add "0x2" "02" "2.0" "2e0" }}',
      '10 6.5 8',
    ],
    ['Sub', '{{ math.Sub 3 1 }} {{ math.Sub 3 0.5 }} {{ 1 | math.Sub 3 }}', '2 2.5 2'],
    ['Mul', '{{ math.Mul 8 8 2 }} {{ math.Mul 2 "1.5" }}', '128 3'],
    ['Div is a float division', '{{ math.Div 8 2 }} {{ math.Div 3 2 }} {{ 4 | math.Div 10 }}', '4 1.5 2.5'],
    ['Rem', '{{ math.Rem 5 3 }} {{ math.Rem -5 3 }}', '2 -2'],
    ['Pow', '{{ math.Pow 10 2 }} {{ math.Pow 2 32 }} {{ math.Pow 1.5 2 }}', '100 4294967296 2.25'],
    ['Max', '{{ math.Max 0 8.0 4.5 "-1.5e-11" }} {{ math.Max 1 5 3 }}', '8 5'],
    ['Min', '{{ math.Min 0 8 4.5 "-1.5e-11" }} {{ math.Min 4 2 9 }}', '-1.5e-11 2'],
    ['Abs', '{{ math.Abs -3.5 }} {{ math.Abs 3.5 }} {{ math.Abs -42 }} {{ math.Abs "-7" }}', '3.5 3.5 42 7'],
    [
      'Ceil',
      '{{ range (coll.Slice 5.1 42 "3.14" "0xFF" "NaN" "Inf" "-0") }}{{ math.Ceil . }} {{ end }}',
      '6 42 4 255 NaN +Inf 0 ',
    ],
    [
      'Floor',
      '{{ range (coll.Slice 5.1 42 "3.14" "0xFF" "NaN" "Inf" "-0") }}{{ math.Floor . }} {{ end }}',
      '5 42 3 255 NaN +Inf 0 ',
    ],
    [
      'Round half away from zero',
      '{{ range (coll.Slice -6.5 5.1 42.9 "3.5" 6.5) }}{{ math.Round . }} {{ end }}',
      '-7 5 43 4 7 ',
    ],
    ['Seq', '{{ range (math.Seq 5) }}{{ . }} {{ end }}', '1 2 3 4 5 '],
    ['Seq down with a step', '{{ conv.Join (math.Seq 10 -3 2) ", " }}', '10, 8, 6, 4, 2, 0, -2'],
    [
      'Seq with start and end',
      '{{ math.Seq 3 5 }} {{ math.Seq 0 }} {{ math.Seq 1 5 0 }}',
      '[3 4 5] [1 0] []',
    ],
    [
      'IsInt and IsFloat',
      '{{ range (coll.Slice 1.5 "-1.0" 42 "3.14" "foo" "0xFF" "NaN" "Inf" "-0") }}{{ math.IsInt . }}/{{ math.IsFloat . }} {{ end }}',
      'false/true false/true true/false false/true false/false true/false false/true false/true true/false ',
    ],
    ['IsNum', '{{ math.IsNum "foo" }} {{ math.IsNum 0xDeadBeef }} {{ math.IsNum "1e3" }}', 'false true true'],
  ],
  data: [
    ['JSON', '{{ (`{"foo":{"hello":"world"}}` | data.JSON).foo | data.ToJSON }}', '{"hello":"world"}'],
    ['JSON accepts YAML flow syntax', '{{ (data.JSON "{hello: world}").hello }}', 'world'],
    ['JSONArray', '{{ index (data.JSONArray `[ "you", "world" ]`) 1 }}', 'world'],
    ['YAML', '{{ (data.YAML "hello: world").hello }} {{ data.YAML "" }}', 'world map[]'],
    [
      'YAML takes the first non-empty document',
      '{{ data.YAML "---\\n---\\na: 1\\n---\\nb: 2" }}',
      'map[a:1]',
    ],
    ['YAMLArray', '{{ index (data.YAMLArray "- you\\n- world") 1 }}', 'world'],
    [
      'ToJSON escapes HTML characters',
      '{{ data.ToJSON (dict "a" "<b>" "n" 1.5) }}',
      '{"a":"\\u003cb\\u003e","n":1.5}',
    ],
    [
      'ToJSONPretty',
      '{{ `{"hello":"world","l":[1]}` | data.JSON | data.ToJSONPretty "  " }}',
      '{\n  "hello": "world",\n  "l": [\n    1\n  ]\n}',
    ],
    ['ToYAML', '{{ (`{"foo":{"hello":"world"}}` | data.JSON).foo | data.ToYAML }}', 'hello: world\n'],
    [
      'ToYAML sorts keys, indents lists and quotes like yaml.v3',
      '{{ data.ToYAML .yamlData }}',
      `a: 'x: y'\nb:\n  - 1\n  - "true"\n  - ""\nc: "yes"\nd: plain\ne: |-\n  two\n  lines\n`,
    ],
    ['ToYAML of a scalar', '{{ data.ToYAML "foo" }}{{ data.ToYAML 42 }}', 'foo\n42\n'],
  ],
  strings: [
    [
      'Abbrev',
      '{{ "foobarbazquxquux" | strings.Abbrev 9 }} {{ "foobarbazquxquux" | strings.Abbrev 6 9 }} {{ "short" | strings.Abbrev 9 }}',
      'foobar... ...baz... short',
    ],
    [
      'Indent',
      '{{ strings.Indent "  " "a\\nb" }}|{{ strings.Indent 2 "a\\n\\nb" }}|{{ strings.Indent 2 "-" "x" }}|{{ strings.Indent "y" }}',
      '  a\n  b|  a\n\n  b|--x| y',
    ],
    ['Indent leaves the input alone for a bad width', '{{ strings.Indent 0 "x" }}', 'x'],
    [
      'Indent a YAML snippet',
      'foo:\n{{ `{"bar": {"baz": 2}}` | data.JSON | data.ToYAML | strings.Indent "  " }}',
      'foo:\n  bar:\n    baz: 2\n',
    ],
    ['Repeat', '{{ "hello " | strings.Repeat 3 }}', 'hello hello hello '],
    ['Trim', '{{ "_-foo-_" | strings.Trim "_-" }}', 'foo'],
    [
      'TrimLeft and TrimRight',
      '{{ "  - hello" | strings.TrimLeft " " }}|{{ "hi!  " | strings.TrimRight " " }}|',
      '- hello|hi!|',
    ],
    [
      'SplitN',
      '{{ range ("foo:bar:baz" | strings.SplitN ":" 2) }}[{{ . }}]{{ end }} {{ strings.SplitN ":" 0 "a:b" }} {{ strings.SplitN ":" -1 "a:b" }}',
      '[foo][bar:baz] [] [a b]',
    ],
    ['Split with an empty separator splits characters', '{{ strings.Split "" "añb" }}', '[a ñ b]'],
    [
      'Trunc',
      '{{ "hello, world" | strings.Trunc 5 }} {{ strings.Trunc 50 "ab" }} {{ strings.Trunc -1 "ab" }}',
      'hello ab ab',
    ],
    [
      'Slug',
      '{{ "Hello, world!" | strings.Slug }} {{ strings.Slug "Rock & Roll @ Cafe Wha?" }} {{ strings.Slug "Crème Brûlée" }}',
      'hello-world rock-and-roll-at-cafe-wha creme-brulee',
    ],
    [
      'CamelCase',
      '{{ "Hello, World!" | strings.CamelCase }} {{ "hello jello" | strings.CamelCase }}',
      'HelloWorld helloJello',
    ],
    [
      'SnakeCase',
      '{{ "Hello, World!" | strings.SnakeCase }} {{ "hello jello" | strings.SnakeCase }}',
      'Hello_world hello_jello',
    ],
    [
      'KebabCase',
      '{{ "Hello, World!" | strings.KebabCase }} {{ "hello  JELLO" | strings.KebabCase }}',
      'Hello-world hello-jello',
    ],
    [
      'Sort',
      '{{ coll.Slice "foo" "bar" "baz" | strings.Sort }} {{ strings.Sort (coll.Slice 10 9) }}',
      '[bar baz foo] [10 9]',
    ],
    ['WordWrap', '{{ "Hello, World!" | strings.WordWrap 7 }}', 'Hello,\nWorld!'],
    [
      'WordWrap keeps long words whole',
      '{{ strings.WordWrap 20 "a string with a long url http://example.com/a/very/long/url which should not be broken" }}',
      'a string with a long\nurl\nhttp://example.com/a/very/long/url\nwhich should not be\nbroken',
    ],
    ['WordWrap with a line-break sequence', '{{ strings.WordWrap 5 "<br>" "aa bb cc" }}', 'aa bb<br>cc'],
    ['RuneCount', '{{ strings.RuneCount "Ω0ᐰ" }} {{ len "Ω0ᐰ" }} {{ strings.RuneCount "ab" 12 }}', '3 6 4'],
    [
      'ShellQuote',
      `{{ coll.Slice "one word" "foo='bar baz'" | strings.ShellQuote }} {{ strings.ShellQuote "it's" }}`,
      `'one word' 'foo='"'"'bar baz'"'"'' 'it'"'"'s'`,
    ],
    [
      'SkipLines',
      '{{ "foo\\nbar\\nbaz" | strings.SkipLines 2 }}|{{ strings.SkipLines 5 "a\\nb" }}|',
      'baz||',
    ],
  ],
  path: [
    [
      'Base',
      '{{ path.Base "/tmp/foo" }} {{ path.Base "" }} {{ path.Base "///" }} {{ path.Base "a/b/" }}',
      'foo . / b',
    ],
    [
      'Clean',
      '{{ path.Clean "/tmp//foo/../" }} {{ path.Clean "a/../../b" }} {{ path.Clean "" }} {{ path.Clean "/.." }}',
      '/tmp ../b . /',
    ],
    [
      'Dir',
      '{{ path.Dir "/tmp/foo" }} {{ path.Dir "foo" }} {{ path.Dir "/" }} {{ path.Dir "a/b/" }}',
      '/tmp . / a/b',
    ],
    ['Ext', '{{ path.Ext "/tmp/foo.csv" }}|{{ path.Ext "/a.b/c" }}|', '.csv||'],
    ['IsAbs', '{{ path.IsAbs "/tmp/foo.csv" }} {{ path.IsAbs "../foo.csv" }}', 'true false'],
    [
      'Join',
      '{{ path.Join "/tmp" "foo" "bar" }} {{ path.Join "a" "" "../b" }}|{{ path.Join }}|',
      '/tmp/foo/bar b||',
    ],
    [
      'Split',
      '{{ $p := path.Split "/tmp/foo" }}dir is {{ index $p 0 }}, file is {{ index $p 1 }}',
      'dir is /tmp/, file is foo',
    ],
    [
      'Match',
      '{{ path.Match "*.csv" "foo.csv" }} {{ path.Match "*.csv" "a/foo.csv" }} {{ path.Match "[a-c]?" "bz" }} {{ path.Match "[^a]" "b" }} {{ path.Match "\\\\*" "*" }}',
      'true false true true true',
    ],
  ],
  filepath: [
    [
      'the path functions',
      '{{ filepath.Base "/tmp/foo" }} {{ filepath.Dir "/tmp/foo" }} {{ filepath.Ext "x.tar.gz" }} {{ filepath.Clean "/tmp//foo/../" }} {{ filepath.IsAbs "a" }} {{ filepath.Join "/tmp" "foo" "bar" }} {{ filepath.Split "/tmp/foo" }}',
      'foo /tmp .gz /tmp false /tmp/foo/bar [/tmp/ foo]',
    ],
    [
      'Rel',
      '{{ filepath.Rel "/a" "/a/b/c" }} {{ filepath.Rel "/a/b" "/a/c" }} {{ filepath.Rel "a" "a" }} {{ filepath.Rel "/" "/x" }}',
      'b/c ../c . x',
    ],
    [
      'ToSlash, FromSlash and VolumeName',
      '{{ filepath.ToSlash "/foo/bar" }} {{ filepath.FromSlash "/foo/bar" }} [{{ filepath.VolumeName "/foo/bar" }}]',
      '/foo/bar /foo/bar []',
    ],
    ['Match', '{{ filepath.Match "*.csv" "foo.csv" }}', 'true'],
  ],
  regexp: [
    ['Find', '{{ regexp.Find "[a-z]{3}" "foobar" }}|{{ "will not match" | regexp.Find "[0-9]" }}|', 'foo||'],
    [
      'FindAll',
      '{{ regexp.FindAll "[a-z]{3}" "foobar" | toJson }} {{ "foo bar baz qux" | regexp.FindAll "[a-z]{3}" 3 | toJson }}',
      '["foo","bar"] ["foo","bar","baz"]',
    ],
    ['Match', '{{ "hairyhenderson" | regexp.Match "^h" }} {{ regexp.Match "^x" "abc" }}', 'true false'],
    ['QuoteMeta', '{{ `{hello}` | regexp.QuoteMeta }}', '\\{hello\\}'],
    [
      'Replace expands groups',
      '{{ regexp.Replace "(foo)bar" "$1" "foobar" }} {{ regexp.Replace "(?P<first>[a-zA-Z]+) (?P<last>[a-zA-Z]+)" "${last}, ${first}" "Alan Turing" }}',
      'foo Turing, Alan',
    ],
    [
      'ReplaceLiteral',
      '{{ regexp.ReplaceLiteral "(foo)bar" "$1" "foobar" }} {{ `foo.bar,baz` | regexp.ReplaceLiteral `\\W` `$` }}',
      '$1 foo$bar$baz',
    ],
    [
      'Split',
      '{{ regexp.Split `[\\s,.]` "foo bar,baz.qux" | toJson }} {{ "foo bar.baz,qux" | regexp.Split `[\\s,.]` 3 | toJson }}',
      '["foo","bar","baz","qux"] ["foo","bar","baz,qux"]',
    ],
  ],
  base64: [
    [
      'Encode',
      '{{ base64.Encode "hello world" }} {{ "hello world" | base64.Encode }}',
      'aGVsbG8gd29ybGQ= aGVsbG8gd29ybGQ=',
    ],
    ['Decode', '{{ base64.Decode "aGVsbG8gd29ybGQ=" }}', 'hello world'],
    [
      'Decode both alphabets',
      '{{ base64.Decode "PDw/Pz8+Pg==" }} {{ base64.Decode "PDw_Pz8-Pg==" }}',
      '<<???>> <<???>>',
    ],
    ['DecodeBytes', '{{ base64.DecodeBytes "aGk=" }}', '[104 105]'],
  ],
  crypto: [
    ['SHA1', '{{ crypto.SHA1 "foo" }}', '0beec7b5ea3f0fdbc95d0dd47f3c5bc275da8a33'],
    ['SHA224', '{{ "foo" | crypto.SHA224 }}', '0808f64e60d58979fcb676c96ec938270dea42445aeefcd3a4e6f8db'],
    [
      'SHA256',
      '{{ crypto.SHA256 "foo" }}',
      '2c26b46b68ffc68ff99b453c1d30413413422d706483bfa0f98a5e886266e7ae',
    ],
    [
      'SHA384',
      '{{ crypto.SHA384 "foo" }}',
      '98c11ffdfdd540676b1a137cb1a22b2a70350c9a44171d6b1180c6be5cbb2ee3f79d532c8a1dd9ef2e8e08e752a3babb',
    ],
    [
      'SHA512',
      '{{ crypto.SHA512 "foo" }}',
      'f7fbba6e0636f890e56fbbf3283e524c6fa3204ae298382d624741d0dc6638326e282c41be5e4254d8820772c5518a2c5a8c0c7f7eda19594a7eb539453e1ed7',
    ],
    [
      'SHA512_224',
      '{{ crypto.SHA512_224 "foo" }}',
      'd68f258d37d670cfc1ec1001a0394784233f88f056994f9a7e5e99be',
    ],
    [
      'SHA512_256',
      '{{ crypto.SHA512_256 "foo" }}',
      'd58042e6aa5a335e03ad576c6a9e43b41591bfd2077f72dec9df7930e492055d',
    ],
  ],
  test: [
    [
      'Assert passes',
      '{{ test.Assert true }}|{{ test.Assert "msg" (eq 1 1) }}|{{ "yes" | test.Assert }}|',
      '|||',
    ],
    [
      'Required passes non-empty values',
      '{{ "foobar" | test.Required "Missing FOO" }} {{ test.Required 0 }}',
      'foobar 0',
    ],
    [
      'Ternary',
      '{{ test.Ternary "FOO" "BAR" false }} {{ test.Ternary "FOO" "BAR" "yes" }} {{ 1 | test.Ternary "on" "off" }}',
      'BAR FOO on',
    ],
    [
      'Kind',
      '{{ test.Kind "hello" }} {{ dict "k" 1 | test.Kind }} {{ test.Kind 1 }} {{ test.Kind 1.5 }} {{ test.Kind .list }} {{ test.Kind nil }} {{ test.Kind true }}',
      'string map int float64 slice invalid bool',
    ],
    [
      'IsKind',
      '{{ test.IsKind "string" "x" }} {{ test.IsKind "number" 1.5 }} {{ test.IsKind "number" "1" }} {{ test.IsKind "map" .m }}',
      'true true false true',
    ],
  ],
};

describe.each(Object.entries(cases))('Gomplate %s namespace', (_ns, nsCases) => {
  it.each(nsCases)('%s', (_name, template, expected) => {
    expect(render(template, data)).toBe(expected);
  });
});

describe('Gomplate env namespace', () => {
  const functions = envFunctions({ HOME: '/home/me', USER: 'me', EMPTY: '' });

  it.each<Case>([
    ['Sprig env with one argument', '{{ env "HOME" }}|{{ env "NOPE" }}|', '/home/me||'],
    ['Getenv', '{{ env.Getenv "HOME" }} {{ "USER" | env.Getenv }}', '/home/me me'],
    [
      'Getenv with a default',
      '{{ env.Getenv "NOPE" "default" }}|{{ env.Getenv "EMPTY" "d" }}|{{ env.Getenv "NOPE" }}|',
      'default|d||',
    ],
    ['ExpandEnv', '{{ env.ExpandEnv "Hello $USER, ${HOME} $$ $ ${NOPE}." }}', 'Hello me, /home/me  $ .'],
    ['Sprig expandenv', '{{ expandenv "$HOME/x ${USER}" }}', '/home/me/x me'],
  ])('%s', (_name, template, expected) => {
    expect(render(template, {}, { functions })).toBe(expected);
  });

  it.each<[string, string]>([
    ['{{ env "A" "B" }}', 'wrong number of args for env: want 1 got 2'],
    ['{{ env.Getenv }}', 'wrong number of args for env.Getenv: want at least 1 got 0'],
    ['{{ env.Setenv "A" "B" }}', 'function "env.Setenv" not defined'],
  ])('reports %s', (template, message) => {
    expect(renderError(template, {}, { functions }).message).toContain(message);
  });

  it('is not available unless the caller passes an environment', () => {
    expect(renderError('{{ env.Getenv "HOME" }}', {}).message).toContain('function "env" not defined');
  });
});

describe('Gomplate namespace errors', () => {
  it.each<[string, string]>([
    ['{{ conv.ToInt 1 2 }}', 'wrong number of args for conv.ToInt: want 1 got 2'],
    ['{{ conv.Join "abc" "," }}', 'error calling conv.Join: input to Join must be an array'],
    ['{{ conv.Default 1 }}', 'wrong number of args for conv.Default: want 2 got 1'],
    ['{{ coll.Has .m }}', 'wrong number of args for coll.Has: want 2 got 1'],
    ['{{ coll.Append 1 "x" }}', 'error calling coll.Append: expected an array or slice, but got string'],
    ['{{ coll.Keys }}', 'error calling coll.Keys: need at least one argument'],
    [
      '{{ coll.Keys "x" }}',
      'at <coll.Keys>: wrong type for value; expected map[string]interface {}; got string',
    ],
    ['{{ coll.Index "nope" .m }}', 'error calling coll.Index: map has no key nope'],
    ['{{ coll.Index 5 .list }}', 'error calling coll.Index: index out of range: 5'],
    ['{{ coll.Pick "a" "b" }}', 'error calling coll.Pick: wrong map type'],
    ['{{ coll.Sort 1 2 3 }}', 'wrong number of args for coll.Sort: want 1 to 2 got 3'],
    ['{{ math.Div 1 0 }}', 'error calling math.Div: error: division by 0'],
    ['{{ math.Rem 1 0 }}', 'error calling math.Rem: runtime error: integer divide by zero'],
    ['{{ math.Seq }}', 'error calling math.Seq: expected 1, 2, or 3 arguments, got 0'],
    ['{{ math.Seq 1 100000000 }}', 'error calling math.Seq: sequence of 100000000 numbers is too long'],
    ['{{ data.JSON "[1]" }}', 'error calling data.JSON: unable to unmarshal object [1]'],
    ['{{ data.JSONArray `{"a":1}` }}', 'error calling data.JSONArray: unable to unmarshal array'],
    ['{{ data.YAML "a: [1" }}', 'error calling data.YAML: unable to unmarshal object a: [1'],
    [
      '{{ data.ToJSONPretty 2 .m }}',
      'at <data.ToJSONPretty>: wrong type for value; expected string; got int',
    ],
    ['{{ strings.Repeat -1 "x" }}', 'error calling strings.Repeat: negative count -1'],
    ['{{ strings.Repeat "x" "y" }}', 'at <strings.Repeat>: wrong type for value; expected int; got string'],
    ['{{ strings.Abbrev 3 "abcdef" }}', 'error calling strings.Abbrev: minimum abbreviation width is 4'],
    ['{{ strings.Indent 1.5 "x" }}', 'error calling strings.Indent: indent: invalid arguments'],
    [
      '{{ strings.Sort "x" }}',
      'error calling strings.Sort: wrong type for value; expected []string; got string',
    ],
    ['{{ strings.WordWrap }}', 'error calling strings.WordWrap: expected 1, 2, or 3 args, got 0'],
    ['{{ regexp.Match "(" "x" }}', 'error calling regexp.Match: error parsing regexp'],
    ['{{ regexp.FindAll "x" }}', 'error calling regexp.FindAll: wrong number of args: want 2 or 3, got 1'],
    ['{{ path.Match "[" "x" }}', 'error calling path.Match: syntax error in pattern'],
    ['{{ filepath.Rel "/a" "b" }}', "error calling filepath.Rel: Rel: can't make b relative to /a"],
    ['{{ base64.Decode "not base64!" }}', 'error calling base64.Decode: illegal base64 data at input byte 3'],
    ['{{ crypto.SHA256 }}', 'wrong number of args for crypto.SHA256: want 1 got 0'],
    [
      '{{ test.Assert "something horrible happened" false }}',
      'error calling test.Assert: assertion failed: something horrible happened',
    ],
    ['{{ test.Assert (eq "foo" "bar") }}', 'error calling test.Assert: assertion failed'],
    ['{{ test.Assert 1 true }}', 'error calling test.Assert: at <1>: expected string; found int'],
    ['{{ test.Fail }}', 'error calling test.Fail: template generation failed'],
    [
      '{{ test.Fail "something is wrong!" }}',
      'error calling test.Fail: template generation failed: something is wrong!',
    ],
    ['{{ "" | test.Required "Missing FOO" }}', 'error calling test.Required: Missing FOO'],
    [
      '{{ .nil | test.Required }}',
      'error calling test.Required: can not render template: a required value was not set',
    ],
    ['{{ test.Ternary 1 2 }}', 'wrong number of args for test.Ternary: want 3 got 2'],
  ])('%s', (template, message) => {
    const error = renderError(template, data);
    expect(error.kind).toBe('exec');
    expect(error.message).toContain(message);
  });
});

describe('Gomplate functions that are not provided', () => {
  it.each<[string, string]>([
    ['{{ time.Now }}', 'function "time" not defined'],
    ['{{ random.Alpha 5 }}', 'function "random" not defined'],
    ['{{ uuid.V4 }}', 'function "uuid" not defined'],
    ['{{ net.LookupIP "example.com" }}', 'function "net" not defined'],
    ['{{ sockaddr.GetPrivateIP }}', 'function "sockaddr" not defined'],
    ['{{ datasource "config" }}', 'function "datasource" not defined'],
    ['{{ ds "config" }}', 'function "ds" not defined'],
    ['{{ include "config" }}', 'function "include" not defined'],
    ['{{ defineDatasource "config" "file.yaml" }}', 'function "defineDatasource" not defined'],
    ['{{ coll.JSONPath "$.a" .m }}', 'function "coll.JSONPath" not defined'],
    ['{{ crypto.Bcrypt "pw" }}', 'function "crypto.Bcrypt" not defined'],
  ])('%s', (template, message) => {
    expect(renderError(template, data).message).toContain(message);
  });
});

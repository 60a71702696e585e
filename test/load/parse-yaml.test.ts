import { describe, expect, it } from 'vitest';
import { parseYaml } from '../../src/load/parse-yaml.js';
import { positionAt } from '../../src/load/source-file.js';

describe('parseYaml', () => {
  it('keeps Atmos function tags as literal strings and drops !literal', () => {
    const { source, diagnostics } = parseYaml(
      'x.yaml',
      'a: !env HOME\nb: !terraform.output vpc vpc_id\nc: !literal "{{ not a template }}"\nd: !repo-root\ne: !include catalog/x.yaml .vars\n',
    );
    expect(diagnostics).toEqual([]);
    expect(source!.value).toEqual({
      a: '!env HOME',
      b: '!terraform.output vpc vpc_id',
      c: '{{ not a template }}',
      d: '!repo-root',
      e: '!include catalog/x.yaml .vars',
    });
  });

  it('decodes like Go yaml.v3 into any: yes/on stay strings, keys become strings, merge keys work', () => {
    const { source } = parseYaml(
      'x.yaml',
      'base: &b {a: 1}\nm:\n  <<: *b\n  c: 2\nflag: yes\non: off\n1: one\nt: 2001-12-14\n',
    );
    expect(source!.value).toEqual({
      base: { a: 1 },
      m: { a: 1, c: 2 },
      flag: 'yes',
      on: 'off',
      '1': 'one',
      t: '2001-12-14',
    });
  });

  it.each([
    ['an unknown tag', 'a: 1\nb: !vault x\n', 'yaml-unknown-tag', 2, 4],
    ['an unclosed flow map', 'a:\n  b: {c: 1\n', 'yaml-syntax', 3, 1],
    ['a duplicate key', 'a: 1\na: 2\n', 'yaml-syntax', 2, 1],
    ['a bad indentation', 'a:\n  b: 1\n c: 2\n', 'yaml-syntax', 3, 1],
  ])('reports %s with its position', (_name, text, code, line, column) => {
    const { source, diagnostics } = parseYaml('stacks/x.yaml', text);
    expect(source).toBeUndefined();
    expect(diagnostics[0]).toMatchObject({ code, file: 'stacks/x.yaml', position: { line, column } });
  });

  it('maps a JSON path to the line and column of its value or key', () => {
    const { source } = parseYaml(
      'x.yaml',
      'components:\n  terraform:\n    vpc:\n      vars:\n        cidr: 10.0.0.0/16\n        azs: [a, b]\n',
    );
    expect(positionAt(source!, ['components', 'terraform', 'vpc', 'vars', 'cidr'])).toEqual({
      line: 5,
      column: 15,
    });
    expect(positionAt(source!, ['components', 'terraform', 'vpc', 'vars', 'cidr'], true)).toEqual({
      line: 5,
      column: 9,
    });
    expect(positionAt(source!, ['components', 'terraform', 'vpc', 'vars', 'azs', 1])).toEqual({
      line: 6,
      column: 18,
    });
    // A path that does not exist points at its closest existing ancestor.
    expect(positionAt(source!, ['components', 'terraform', 'vpc', 'vars', 'nope'])).toEqual({
      line: 5,
      column: 9,
    });
  });
});

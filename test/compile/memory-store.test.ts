import { describe, expect, it } from 'vitest';
import { StackSet } from '../../src/compile/stack-set.js';
import { allInstances, manifestInstances, summarizedInstances } from '../../src/compile/instance.js';
import { memoryCache, memoryStore } from '../../src/compile/memory-cache.js';
import { digestOf } from '../../src/compile/section-digest.js';
import { atmosYaml, memoryHost, memoryProject } from '../helpers/memory-project.js';

const tree = {
  'atmos.yaml': atmosYaml().replace(
    'excluded_paths: ["**/_defaults.yaml"]',
    'excluded_paths: ["**/_defaults.yaml"]\n  name_pattern: "{stage}"',
  ),
  'stacks/catalog/vpc.yaml':
    'components:\n  terraform:\n    vpc/defaults:\n      metadata: {type: abstract}\n      vars: {cidr: 10.0.0.0/16, tags: {a: 1}}\n    vpc:\n      metadata: {inherits: [vpc/defaults]}\n      vars: {name: main}\n',
  'stacks/orgs/dev.yaml':
    'import: [catalog/vpc]\nvars: {stage: dev}\ncomponents:\n  terraform:\n    vpc: {vars: {size: 2}}\n',
  'stacks/orgs/prod.yaml': 'import: [catalog/vpc]\nvars: {stage: prod}\n',
};

/** A StackSet over the tree whose compiled stacks go to `store` (as one side of describe affected). */
function storedSet(store = memoryStore()) {
  const { cli } = memoryProject(tree);
  const host = memoryHost(tree, cli);
  return new StackSet({
    cli,
    host,
    display: (f) => `stacks/${f}`,
    cache: memoryCache(store, host.listFiles(), (f) => host.readFile(f)),
  });
}

describe('the in-memory compile store (describe affected --no-cache)', () => {
  it('answers every section digest as the compiled section has it, abstract instances included', () => {
    const plain = memoryProject(tree).set;
    const expected = [...allInstances(plain, ['terraform'])].map((i) => ({
      id: `${i.manifest.file} ${i.component}`,
      vars: digestOf(i.section['vars']),
      metadata: digestOf(i.section['metadata']),
    }));
    const store = memoryStore();
    const first = storedSet(store);
    for (const f of first.stackFiles) manifestInstances(first, f);
    // A second side over the same store reads every stack from it.
    const side = storedSet(store);
    const got = [...allInstances(side, ['terraform'])].map((i) => ({
      id: `${i.manifest.file} ${i.component}`,
      vars: i.digest!('vars'),
      metadata: i.digest!('metadata'),
    }));
    expect(got).toEqual(expected);
    expect(got.map((g) => g.id)).toContain('orgs/dev.yaml vpc/defaults');
  });

  it('keeps no digests of abstract instances, only their small sections', () => {
    const store = memoryStore();
    const set = storedSet(store);
    for (const f of set.stackFiles) manifestInstances(set, f);
    const details = [...store.entries.values()].flatMap((entries) =>
      entries.flatMap((e) => e.instances.map((head, n) => [head.component, e.details[n]] as const)),
    );
    expect(details.filter(([, d]) => d?.digests === undefined).map(([c]) => c)).toEqual([
      'vpc/defaults',
      'vpc/defaults',
    ]);
    expect(details.find(([c]) => c === 'vpc/defaults')?.[1]?.peeked['metadata']).toEqual({
      type: 'abstract',
    });
  });
});

describe('StackSet.release', () => {
  it('forgets a manifest, and gives the same configuration and instances when asked again', () => {
    const { set } = memoryProject(tree);
    const first = set.manifest('orgs/dev.yaml')!;
    const before = manifestInstances(set, 'orgs/dev.yaml').map((i) => i.section);
    set.release('orgs/dev.yaml');
    const again = set.manifest('orgs/dev.yaml')!;
    expect(again).not.toBe(first);
    expect(again.config).toEqual(first.config);
    expect(manifestInstances(set, 'orgs/dev.yaml').map((i) => i.section)).toEqual(before);
  });
});

describe('summarized instances (describe affected keeps every instance of both sides so)', () => {
  it('answer every digest as their section has it, abstract ones (held without digests) too', () => {
    const compiled = [...allInstances(memoryProject(tree).set, ['terraform'])];
    const { set } = memoryProject(tree);
    const kept = set.stackFiles
      .flatMap((f) => summarizedInstances(set, f))
      .filter((i) => i.type === 'terraform');
    for (const f of set.stackFiles) set.release(f);
    expect(kept.map((i) => [i.component, i.digest!('vars'), i.digest!('metadata')])).toEqual(
      compiled.map((i) => [i.component, digestOf(i.section['vars']), digestOf(i.section['metadata'])]),
    );
    expect(kept.map((i) => i.manifest.file)).toEqual(compiled.map((i) => i.manifest.file));
  });
});

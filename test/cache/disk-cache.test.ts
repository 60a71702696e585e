import { readFileSync, readdirSync, utimesSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { diskCache } from '../../src/io/compile-cache.js';
import type { CachedInstanceHead } from '../../src/compile/compile-cache.js';
import type { ValueMap } from '../../src/model/value.js';
import { testdir } from '../helpers/testdir.js';

type Files = Record<string, string>;

const instance = (component: string, vars: ValueMap): CachedInstanceHead & { section: ValueMap } => ({
  type: 'terraform',
  component,
  stackName: { ok: true, name: 'acme-dev', source: 'pattern' },
  deferred: [],
  references: [],
  section: { vars },
});

function open(
  dir: string,
  files: Files,
  over: { runKey?: string; env?: Record<string, string>; pure?: () => boolean; capacity?: number } = {},
) {
  const envRead = new Map<string, string | undefined>([['REGION', over.env?.['REGION']]]);
  return diskCache({
    dir,
    runKey: over.runKey ?? 'run-1',
    readFile: (f) => files[f],
    env: over.env ?? {},
    envRead: () => envRead,
    ...(over.pure ? { pure: over.pure } : {}),
    ...(over.capacity ? { capacity: over.capacity } : {}),
  });
}

/** Writes one entry for `dev.yaml`, compiled from dev.yaml and catalog/vpc.yaml. */
function seed(files: Files, env?: Record<string, string>) {
  const dir = testdir({});
  const cache = open(dir, files, env ? { env } : {});
  cache.put(
    'dev.yaml',
    ['dev.yaml', 'catalog/vpc.yaml'],
    ['catalog/vpc'],
    [instance('vpc', { cidr: '10.0.0.0/16' }), instance('app', { name: 'app' })],
  );
  cache.flush();
  return dir;
}

const files: Files = {
  'dev.yaml': 'import: [catalog/vpc]',
  'catalog/vpc.yaml': 'vars: {}',
  'prod.yaml': 'x: 1',
};

describe('the on-disk compile cache', () => {
  it('returns what was stored while every file it was compiled from is unchanged', () => {
    const dir = seed(files);
    const hit = open(dir, files).get('dev.yaml');
    expect(hit?.instances.map((i) => i.component)).toEqual(['vpc', 'app']);
    expect(hit?.instances[0]?.stackName).toEqual({ ok: true, name: 'acme-dev', source: 'pattern' });
    expect(hit?.imports).toEqual(['catalog/vpc']);
    expect(hit?.sections()).toEqual([{ vars: { cidr: '10.0.0.0/16' } }, { vars: { name: 'app' } }]);
  });

  it.each([
    ['the manifest changed', { ...files, 'dev.yaml': 'import: [catalog/vpc]\nvars: {a: 1}' }],
    ['an imported file changed', { ...files, 'catalog/vpc.yaml': 'vars: {cidr: x}' }],
    ['an imported file is gone', { 'dev.yaml': files['dev.yaml']!, 'prod.yaml': 'x: 1' }],
  ])('misses when %s', (_label, now) => {
    const dir = seed(files);
    expect(open(dir, now).get('dev.yaml')).toBeUndefined();
  });

  it('keeps a digest of every section and the small sections, readable without the body', () => {
    const dir = seed(files);
    const details = open(dir, files).get('dev.yaml')!.details();
    expect(details).toHaveLength(2);
    expect(Object.keys(details![0]!.digests!)).toEqual(['vars']);
    expect(details![0]!.digests!['vars']).not.toBe(details![1]!.digests!['vars']);
    expect(details![0]!.peeked).toEqual({});
  });

  it('holds no digests of an abstract instance once read (nothing compares them), only its small sections', () => {
    const dir = testdir({});
    const cache = open(dir, files);
    const base = { ...instance('vpc/defaults', { cidr: 'x' }), section: { metadata: { type: 'abstract' } } };
    cache.put('dev.yaml', ['dev.yaml'], [], [base, instance('vpc', { cidr: 'x' })]);
    cache.flush();
    const details = open(dir, files).get('dev.yaml')!.details()!;
    expect(details[0]).toEqual({ peeked: { metadata: { type: 'abstract' } } });
    expect(Object.keys(details[1]!.digests!)).toEqual(['vars']);
  });

  it('still hits when an unrelated file changed', () => {
    const dir = seed(files);
    expect(open(dir, { ...files, 'prod.yaml': 'x: 2' }).get('dev.yaml')).toBeDefined();
  });

  it('misses when the run key (code, config, switches, listing) differs, and keeps both', () => {
    const dir = seed(files);
    const other = open(dir, files, { runKey: 'run-2' });
    expect(other.get('dev.yaml')).toBeUndefined();
    other.put('dev.yaml', ['dev.yaml', 'catalog/vpc.yaml'], [], [instance('vpc', { other: true })]);
    other.flush();
    // Entries of one run key never replace another's (describe affected and describe stacks differ).
    expect(open(dir, files).get('dev.yaml')?.instances).toHaveLength(2);
    expect(open(dir, files, { runKey: 'run-2' }).get('dev.yaml')?.instances).toHaveLength(1);
  });

  it('misses when an environment variable the compile read has another value', () => {
    const dir = seed(files, { REGION: 'us-east-1' });
    expect(open(dir, files, { env: { REGION: 'us-east-1' } }).get('dev.yaml')).toBeDefined();
    expect(open(dir, files, { env: { REGION: 'eu-west-1' } }).get('dev.yaml')).toBeUndefined();
    expect(open(dir, files).get('dev.yaml')).toBeUndefined();
  });

  const entryOf = (dir: string) =>
    join(
      dir,
      readdirSync(dir).find((f) => f.endsWith('.bin'))!,
    );

  it.each([
    ['truncated', (b: Buffer) => b.subarray(0, Math.floor(b.length / 2))],
    ['cut inside its header', (b: Buffer) => b.subarray(0, 30)],
    ['empty', () => Buffer.alloc(0)],
    ['foreign', () => Buffer.from('{"runKey":"run-1"}')],
    [
      'garbled in its header',
      (b: Buffer) => Buffer.from(b.toString('latin1').replace('runKey', 'runK\u0000y'), 'latin1'),
    ],
  ])('ignores an entry that is %s', (_label, damage) => {
    const dir = seed(files);
    const path = entryOf(dir);
    writeFileSync(path, damage(readFileSync(path)));
    const hit = open(dir, files).get('dev.yaml');
    // A damaged header is a miss; a damaged body is found when the sections are read.
    expect(hit === undefined || hit.sections() === undefined).toBe(true);
  });

  it('never returns a body whose bytes changed after it was written', () => {
    const dir = seed(files);
    const path = entryOf(dir);
    const bytes = readFileSync(path);
    bytes[bytes.length - 3]! ^= 0xff;
    writeFileSync(path, bytes);
    const hit = open(dir, files).get('dev.yaml');
    expect(hit).toBeDefined();
    expect(hit!.sections()).toBeUndefined();
  });

  it('writes an entry when it is offered, leaving no temporary files, and nothing once the run is impure', () => {
    const dir = testdir({});
    let pure = true;
    const cache = open(dir, files, { pure: () => pure });
    cache.put('dev.yaml', ['dev.yaml'], [], [instance('vpc', {})]);
    expect(readdirSync(dir).filter((f) => f.endsWith('.tmp'))).toEqual([]);
    expect(readdirSync(dir)).toHaveLength(1);
    pure = false; // say, an !exec ran
    cache.put('prod.yaml', ['prod.yaml'], [], [instance('db', {})]);
    cache.flush();
    expect(readdirSync(dir).filter((f) => f.endsWith('.bin'))).toHaveLength(1);
    // The name index knows what was written while the run was pure, nothing after.
    const next = open(dir, files);
    expect(next.names!('dev.yaml')).toBeDefined();
    expect(next.names!('prod.yaml')).toBeUndefined();
  });

  it('keeps old versions side by side, and prunes the oldest past 1,000 entries (to 750)', () => {
    const dir = seed(files);
    const changed = { ...files, 'dev.yaml': 'import: [catalog/vpc]\nvars: {a: 1}' };
    const second = open(dir, changed);
    second.put('dev.yaml', ['dev.yaml', 'catalog/vpc.yaml'], [], [instance('vpc', {})]);
    second.flush();
    // Both versions of dev.yaml are cached: switching branches back and forth reuses both.
    expect(open(dir, files).get('dev.yaml')).toBeDefined();
    expect(open(dir, changed).get('dev.yaml')).toBeDefined();
    const old = new Date(Date.now() - 86_400_000);
    for (let i = 0; i < 1005; i++) {
      const path = join(dir, `old-${i}.bin`);
      writeFileSync(path, 'x');
      utimesSync(path, old, old);
    }
    const third = open(dir, { ...files, 'prod.yaml': 'x: 2' });
    third.put('prod.yaml', ['prod.yaml'], [], [instance('db', {})]);
    third.flush();
    expect(readdirSync(dir).filter((f) => f.endsWith('.bin'))).toHaveLength(750);
    expect(open(dir, { ...files, 'prod.yaml': 'x: 2' }).get('prod.yaml')).toBeDefined();
    expect(open(dir, changed).get('dev.yaml')).toBeDefined();
  });

  it('keeps the versions of a manifest compiled against different imports (a change, then its undo)', () => {
    const dir = seed(files);
    const edited = { ...files, 'catalog/vpc.yaml': 'vars: {cidr: x}' };
    const second = open(dir, edited);
    expect(second.get('dev.yaml')).toBeUndefined();
    second.put('dev.yaml', ['dev.yaml', 'catalog/vpc.yaml'], [], [instance('vpc', { cidr: 'x' })]);
    second.flush();
    expect(open(dir, files).get('dev.yaml')?.sections()).toEqual([
      { vars: { cidr: '10.0.0.0/16' } },
      { vars: { name: 'app' } },
    ]);
    expect(open(dir, edited).get('dev.yaml')?.sections()).toEqual([{ vars: { cidr: 'x' } }]);
  });

  it('prunes the least recently used: an entry written long ago but read since is kept', () => {
    const dir = seed(files);
    const long = new Date(Date.now() - 2 * 86_400_000);
    const [seeded] = readdirSync(dir).filter((f) => f.endsWith('.bin'));
    utimesSync(join(dir, seeded!), long, long);
    const old = new Date(Date.now() - 86_400_000);
    for (let i = 0; i < 1005; i++) {
      const path = join(dir, `old-${i}.bin`);
      writeFileSync(path, 'x');
      utimesSync(path, old, old);
    }
    // Read (as the base side of describe affected reads its entries), then a write prunes.
    expect(open(dir, files).get('dev.yaml')).toBeDefined();
    const next = open(dir, { ...files, 'prod.yaml': 'x: 2' });
    next.put('prod.yaml', ['prod.yaml'], [], [instance('db', {})]);
    next.flush();
    expect(readdirSync(dir).filter((f) => f.endsWith('.bin'))).toHaveLength(750);
    expect(open(dir, files).get('dev.yaml')).toBeDefined();
  });

  it('prunes nothing below the capacity the project asks for', () => {
    const dir = testdir({});
    for (let i = 0; i < 1500; i++) writeFileSync(join(dir, `old-${i}.bin`), 'x');
    const cache = open(dir, files, { capacity: 4000 });
    cache.put('prod.yaml', ['prod.yaml'], [], [instance('db', {})]);
    cache.flush();
    expect(readdirSync(dir).filter((f) => f.endsWith('.bin'))).toHaveLength(1501);
  });

  it('counts reused and compiled stacks', () => {
    const dir = seed(files);
    const cache = open(dir, files);
    cache.get('dev.yaml');
    cache.get('prod.yaml');
    expect(cache.stats()).toEqual({ reused: 1, missed: 1, bodies: 0, recalled: 0 });
  });
});

describe('the name index', () => {
  const indexOf = (dir: string) =>
    join(
      dir,
      readdirSync(dir).find((f) => f.startsWith('index-'))!,
    );
  const names = (dir: string, over: Files = files, file = 'dev.yaml') =>
    open(dir, over).names!(file)?.instances.map(
      (i) => `${i.type}/${i.component}@${i.stackName.ok ? i.stackName.name : '?'}`,
    );

  it('answers names from one file, without an entry, while the files they came from are unchanged', () => {
    const dir = testdir({});
    const cache = open(dir, files);
    cache.putNames!('dev.yaml', ['dev.yaml', 'catalog/vpc.yaml'], {
      instances: [instance('vpc', {}), instance('app', {}), { ...instance('db', {}), type: 'helmfile' }],
    });
    cache.flush();
    expect(readdirSync(dir).filter((f) => f.endsWith('.bin'))).toEqual([]);
    expect(names(dir)).toEqual(['terraform/vpc@acme-dev', 'terraform/app@acme-dev', 'helmfile/db@acme-dev']);
    expect(names(dir, { ...files, 'catalog/vpc.yaml': 'vars: {a: 1}' })).toBeUndefined();
    expect(names(dir, { ...files, 'catalog/vpc.yaml': undefined! })).toBeUndefined();
    expect(open(dir, files, { runKey: 'run-2' }).names!('dev.yaml')).toBeUndefined();
  });

  it('learns names from entries, and keeps the records of earlier runs it did not check', () => {
    const dir = seed(files);
    const first = open(dir, files);
    expect(first.names!('dev.yaml')?.instances).toHaveLength(2);
    first.putNames!('prod.yaml', ['prod.yaml'], { instances: [instance('db', {})] });
    first.flush();
    const second = open(dir, files);
    second.putNames!('other.yaml', ['prod.yaml'], { instances: [instance('x', {})] });
    second.flush();
    expect(names(dir)).toEqual(['terraform/vpc@acme-dev', 'terraform/app@acme-dev']);
    expect(names(dir, files, 'prod.yaml')).toEqual(['terraform/db@acme-dev']);
    expect(names(dir, files, 'other.yaml')).toEqual(['terraform/x@acme-dev']);
  });

  it('keeps the records a concurrent run saved after this one had read the index', () => {
    const dir = testdir({});
    open(dir, files).putNames!('dev.yaml', ['dev.yaml'], { instances: [instance('vpc', {})] });
    const a = open(dir, files);
    const b = open(dir, files);
    // Both read the index before either saves.
    expect(a.names!('dev.yaml')).toBeUndefined();
    expect(b.names!('dev.yaml')).toBeUndefined();
    a.putNames!('dev.yaml', ['dev.yaml'], { instances: [instance('vpc', {})] });
    b.putNames!('prod.yaml', ['prod.yaml'], { instances: [instance('db', {})] });
    a.flush();
    b.flush();
    expect(names(dir)).toEqual(['terraform/vpc@acme-dev']);
    expect(names(dir, files, 'prod.yaml')).toEqual(['terraform/db@acme-dev']);
  });

  it.each([
    ['truncated', (b: Buffer) => b.subarray(0, b.length >> 1)],
    ['garbage', () => Buffer.from('\u0000\u0001 not json')],
    ['valid JSON of another shape', () => Buffer.from('{"magic":"STRATA-INDEX-1","runKey":"run-1"}')],
    [
      'records pointing nowhere',
      (b: Buffer) => Buffer.from(b.toString().replace(/"deps":\[[^\]]*\]/, '"deps":[99]')),
    ],
  ])('ignores a %s index', (_label, damage) => {
    const dir = testdir({});
    const cache = open(dir, files);
    cache.putNames!('dev.yaml', ['dev.yaml'], { instances: [instance('vpc', {})] });
    cache.flush();
    const path = indexOf(dir);
    writeFileSync(path, damage(readFileSync(path)));
    expect(names(dir)).toBeUndefined();
  });
});

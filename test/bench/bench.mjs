// `npm run bench [small|medium|large ...]`: measures Strata on generated organisations against the
// floor (reading every YAML file and parsing it once with the yaml package), each figure the median
// of several runs. A benchmark, not a test: it prints a table and asserts nothing.
import { execFileSync, spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { mkdtempSync, readFileSync, readdirSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { PRESETS, generate } from './generate.mjs';

const BIN = fileURLToPath(new URL('../../bin/run.js', import.meta.url));
const presets = process.argv.slice(2).length ? process.argv.slice(2) : ['small', 'medium'];
const runs = Number(process.env.BENCH_RUNS ?? 3);

const sha1 = (bytes) => createHash('sha1').update(bytes).digest('hex');

function median(xs) {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.floor(s.length / 2)];
}

function yamlFiles(dir) {
  const out = [];
  for (const e of readdirSync(dir, { withFileTypes: true })) {
    const p = join(dir, e.name);
    if (e.isDirectory()) out.push(...yamlFiles(p));
    else if (e.name.endsWith('.yaml')) out.push(p);
  }
  return out;
}

/** The floor: read and parse every manifest once, in a fresh process (as the CLI does). */
function floor(root) {
  const script = `import{readFileSync as r}from'node:fs';import{parse as p}from'yaml';const l=JSON.parse(r(process.argv[1],'utf8'));const t=performance.now();for(const f of l)p(r(f,'utf8'));console.log(performance.now()-t)`;
  // The list goes in a file: one argument longer than 128 KiB is refused by the kernel.
  const files = join(root, '.bench-files.json');
  writeFileSync(files, JSON.stringify(yamlFiles(join(root, 'stacks'))));
  const ms = [];
  for (let i = 0; i < runs; i++) {
    const r = spawnSync(process.execPath, ['--input-type=module', '-e', script, files], {
      cwd: fileURLToPath(new URL('../..', import.meta.url)),
      encoding: 'utf8',
    });
    if (r.status !== 0) throw new Error(String(r.stderr));
    ms.push(Number(r.stdout.trim()));
  }
  return median(ms);
}

const TIME = ['/usr/bin/time', '/bin/time'].find((p) => {
  try {
    return statSync(p).isFile();
  } catch {
    return false;
  }
});

/** Wall time and peak memory (KiB, when GNU time is installed) of one CLI command, median of several runs. */
function measure(root, args, outFile, before = () => {}) {
  const ms = [];
  let peak = 0;
  for (let i = 0; i < runs; i++) {
    before(i);
    const start = performance.now();
    const command = TIME
      ? [TIME, ['-f', '%M', process.execPath, BIN, ...args]]
      : [process.execPath, [BIN, ...args]];
    const r = spawnSync(command[0], command[1], {
      cwd: root,
      maxBuffer: 1 << 30,
      encoding: 'utf8',
      env: { ...process.env, STRATA_CACHE_DIR: join(root, '.bench-cache') },
    });
    ms.push(performance.now() - start);
    if (r.status !== 0) throw new Error(`${args.join(' ')} failed: ${r.stderr.slice(0, 500)}`);
    if (outFile) writeFileSync(outFile, r.stdout);
    if (TIME) peak = Math.max(peak, Number(r.stderr.trim().split('\n').pop()));
  }
  return { ms: median(ms), peak };
}

const rows = [];
for (const name of presets) {
  const root = mkdtempSync(join(tmpdir(), `strata-bench-${name}-`));
  try {
    generate(root, PRESETS[name]);
    execFileSync('git', ['init', '-q'], { cwd: root });
    execFileSync('git', ['add', '-A'], { cwd: root });
    execFileSync('git', ['-c', 'user.email=b@e.nch', '-c', 'user.name=bench', 'commit', '-qm', 'base'], {
      cwd: root,
    });
    const f = floor(root);
    const { tenants, stages, regions, components } = PRESETS[name];
    const stack = 't0-r0-s0';
    // Each command cold (--no-cache: everything compiled) and warm (a second run, nothing changed,
    // from the compile cache that an earlier run filled).
    const commands = [
      ['describe stacks --format json', ['describe', 'stacks', '--format', 'json'], join(root, 'out.json')],
      ['describe component (one instance)', ['describe', 'component', 'c1', '-s', stack, '--format', 'json']],
      ['list stacks', ['list', 'stacks']],
      ['validate stacks', ['validate', 'stacks']],
    ];
    const results = [['start-up (strata --version)', measure(root, ['--version'])]];
    // describe stacks output of each way of running it: cold, one thread, warm; all must be the same bytes.
    const outputs = new Map();
    const digest = (label) => (outputs.set(label, sha1(readFileSync(join(root, 'out.json')))), label);
    for (const [label, args, out] of commands) {
      results.push([`${label}, cold`, measure(root, [...args, '--no-cache'], out)]);
      if (out) {
        digest('cold');
        results.push([
          `${label}, cold, --jobs 1`,
          measure(root, [...args, '--no-cache', '--jobs', '1'], out),
        ]);
        digest('one thread');
      }
      measure(root, args); // fills the cache
      results.push([`${label}, warm`, measure(root, args, out)]);
      if (out) digest('warm');
    }
    const identical = new Set(outputs.values()).size === 1;
    // describe affected after a one-line change: cold compiles both sides; warm reuses the cached
    // base side and the untouched stacks, and compiles the stacks the change touches (a new value on
    // every run).
    const catalog = join(root, 'stacks/catalog/c1/main.yaml');
    const original = readFileSync(catalog, 'utf8');
    const change = (i) => writeFileSync(catalog, original.replace('name: c1', `name: c1-changed-${i}`));
    measure(root, ['describe', 'affected', '--base', 'HEAD']); // fills the cache for the base commit
    const region = join(root, `stacks/orgs/acme/t0/s0/r0.yaml`);
    const regionText = readFileSync(region, 'utf8');
    const changeRegion = (i) =>
      writeFileSync(region, regionText.replace('override: 0', `override: ${i + 1}`));
    results.push([
      'describe affected (catalog line: every stack), cold',
      measure(root, ['describe', 'affected', '--base', 'HEAD', '--no-cache'], undefined, change),
    ]);
    results.push([
      'describe affected (catalog line: every stack), warm',
      measure(root, ['describe', 'affected', '--base', 'HEAD'], undefined, change),
    ]);
    writeFileSync(catalog, original);
    results.push([
      'describe affected (one stack line), cold',
      measure(root, ['describe', 'affected', '--base', 'HEAD', '--no-cache'], undefined, changeRegion),
    ]);
    results.push([
      'describe affected (one stack line), warm',
      measure(root, ['describe', 'affected', '--base', 'HEAD'], undefined, changeRegion),
    ]);
    const size = (statSync(join(root, 'out.json')).size / 1e6).toFixed(1);
    for (const [label, r] of results) {
      rows.push([
        name,
        `${tenants * stages * regions} stacks × ${components}`,
        label,
        `${(r.ms / 1000).toFixed(2)}s`,
        `${(f / 1000).toFixed(2)}s`,
        `${(r.ms / f).toFixed(1)}×`,
        `${Math.round(r.peak / 1024)} MiB`,
      ]);
    }
    rows.push([name, '', `(describe stacks output: ${size} MB)`, '', '', '', '']);
    rows.push([
      name,
      '',
      `(describe stacks cold, one thread and warm: ${identical ? 'byte-identical' : 'DIFFERENT'})`,
      '',
      '',
      '',
      '',
    ]);
  } finally {
    rmSync(root, { recursive: true, force: true });
  }
}

const header = ['preset', 'organisation', 'command', 'time', 'floor', 'ratio', 'peak memory'];
const widths = header.map((h, i) => Math.max(h.length, ...rows.map((r) => r[i].length)));
const line = (cells) => `| ${cells.map((c, i) => c.padEnd(widths[i])).join(' | ')} |`;
console.log([line(header), line(widths.map((w) => '-'.repeat(w))), ...rows.map(line)].join('\n'));
console.log(
  `\nmedian of ${runs} runs; floor = read + yaml.parse() of every manifest once (in-process time); command times include Node.js and oclif start-up`,
);

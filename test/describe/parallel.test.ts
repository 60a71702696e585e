import { describe, expect, it } from 'vitest';
import { PARALLEL_MIN_MANIFESTS, jobsFor, splitParts } from '../../src/services/worker-parts.js';
import { runCli } from '../helpers/testdir.js';
import { BROKEN_PARTS, edit, smallOrganisation } from '../helpers/broken-parts.js';

// `describe stacks --format json --jobs N` compiles parts of the manifests on worker threads; the
// output, the errors and the cache's counters are those of a single-threaded run.

const describeJson = ['describe', 'stacks', '--format', 'json'];

const organisation = smallOrganisation; // 20 stacks × 10 components

describe('describe stacks on several threads', () => {
  it('prints byte for byte what one thread prints, cold and from the compile cache', () => {
    const dir = organisation();
    const single = runCli([...describeJson, '--jobs', '1', '--no-cache'], dir);
    expect(single.exitCode, single.stderr).toBe(0);
    expect(Object.keys(JSON.parse(single.stdout))).toHaveLength(20);
    for (const jobs of ['2', '3', '7']) {
      const cold = runCli([...describeJson, '--jobs', jobs, '--no-cache'], dir);
      expect(cold.stdout).toBe(single.stdout);
    }
    const yaml = ['describe', 'stacks', '--no-cache'];
    expect(runCli([...yaml, '--jobs', '3'], dir).stdout).toBe(runCli([...yaml, '--jobs', '1'], dir).stdout);
    const fill = runCli([...describeJson, '--jobs', '3'], dir, { STRATA_CACHE_STATS: '1' });
    expect(fill.stderr).toContain('compile cache: 0 reused, 20 compiled');
    expect(fill.stdout).toBe(single.stdout);
    const warm = runCli([...describeJson, '--jobs', '3'], dir, { STRATA_CACHE_STATS: '1' });
    // Every thread's counters are added up.
    expect(warm.stderr).toContain('compile cache: 20 reused, 0 compiled');
    expect(warm.stdout).toBe(single.stdout);
  });

  it.each(BROKEN_PARTS)('%s: fails as one thread does, printing nothing', (_label, file, change, message) => {
    const dir = smallOrganisation();
    edit(dir, file, change);
    const single = runCli([...describeJson, '--jobs', '1', '--no-cache'], dir);
    const parallel = runCli([...describeJson, '--jobs', '3', '--no-cache'], dir);
    expect(single.exitCode).toBe(1);
    expect(single.stderr).toMatch(message);
    expect(parallel).toEqual(single);
    expect(parallel.stdout).toBe('');
  });
});

describe('how the manifests are shared out', () => {
  const files = Array.from({ length: 10 }, (_, i) => `f${i}.yaml`);
  it.each([1, 2, 3, 4, 10, 12])('%i parts: contiguous, in order, every file once', (jobs) => {
    const parts = splitParts(files, jobs);
    expect(parts.flat()).toEqual(files);
    expect(parts.length).toBe(Math.min(jobs, files.length));
    expect(parts.every((p) => p.length > 0)).toBe(true);
  });

  it.each([
    { flag: 'auto', manifests: PARALLEL_MIN_MANIFESTS, cores: 2, jobs: 2 },
    { flag: 'auto', manifests: PARALLEL_MIN_MANIFESTS - 1, cores: 8, jobs: 1 },
    { flag: 'auto', manifests: 5000, cores: 16, jobs: 4 },
    { flag: 'auto', manifests: 5000, cores: 1, jobs: 1 },
    { flag: '3', manifests: 5, cores: 1, jobs: 3 },
    { flag: '0', manifests: 5000, cores: 8, jobs: 1 },
    { flag: 'many', manifests: 5000, cores: 8, jobs: 1 },
  ])('--jobs $flag with $manifests manifests on $cores cores: $jobs', ({ flag, manifests, cores, jobs }) => {
    expect(jobsFor(flag, manifests, cores)).toBe(jobs);
  });
});

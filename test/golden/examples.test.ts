import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { toJson } from '../../src/describe/format.js';
import { describeComponentService, describeStacksService } from '../../src/services/describe.js';
import { openProject } from '../../src/services/project.js';
import { validateStacks } from '../../src/services/validate.js';
import { REPO } from '../helpers/testdir.js';

// Golden outputs of the bundled example: review the snapshot diff when a change is intended.
const example = (name: string) => openProject({ cwd: join(REPO, 'examples', name), env: {} });

describe('examples/aws-org', () => {
  it('validates, typed vars included', async () => {
    const result = await validateStacks(example('aws-org'));
    expect(result.diagnostics).toEqual([]);
    expect(result.stacks).toBe(14);
  });

  it('describe stacks matches the golden output', async () => {
    const out = toJson(describeStacksService(example('aws-org'), {}));
    await expect(out).toMatchFileSnapshot('aws-org/describe-stacks.json');
  });

  it.each([
    ['vpc', 'plat-ue1-prod'],
    ['app/api', 'plat-ue1-dev'],
    ['log-bucket/cloudtrail', 'core-ue1-audit'],
    ['scp', 'mgmt-ue1-root'],
  ])('describe component %s -s %s matches the golden output', async (component, stack) => {
    const described = describeComponentService(example('aws-org'), component, stack);
    await expect(toJson(described.value)).toMatchFileSnapshot(
      `aws-org/${stack}--${component.replace(/\//g, '-')}.json`,
    );
  });

  it('layers prod vpc through two abstract bases and the prod overrides', () => {
    const vpc = describeComponentService(example('aws-org'), 'vpc', 'plat-ue1-prod').value as Record<
      string,
      any
    >;
    expect(vpc.inheritance).toEqual(['vpc/hardened', 'vpc/defaults']);
    expect(vpc.vars.tags.Compliance).toBe('pci');
    expect(vpc.vars.availability_zone_suffixes).toEqual(['a', 'b', 'c']);
    expect(vpc.metadata.locked).toBe(true);
  });
});

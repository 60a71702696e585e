import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { publishedSchemas } from '../../src/schema/publish.js';
import { REPO } from '../helpers/testdir.js';

describe('published schemas', () => {
  it.each(Object.entries(publishedSchemas()))(
    'schemas/%s matches the TypeScript source (run npm run schemas after a change)',
    (name, contents) => {
      expect(readFileSync(join(REPO, 'schemas', name), 'utf8')).toBe(contents);
    },
  );
});

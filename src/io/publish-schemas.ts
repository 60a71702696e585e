import { join } from 'node:path';
import { publishedSchemas } from '../schema/publish.js';
import { writePlan } from './write-plan.js';

/** `npm run schemas`: writes schemas/*.json from the TypeScript source of truth. */
export function publishSchemas(dir: string): void {
  writePlan(
    Object.entries(publishedSchemas()).map(([name, contents]) => ({ path: join(dir, name), contents })),
  );
}

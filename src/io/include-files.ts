import type * as Hcl2Json from '@cdktf/hcl2json';
import { existsSync, readFileSync, statSync } from 'node:fs';
import { dirname, isAbsolute, join, resolve } from 'node:path';
import type { IncludeReader } from '../resolve/includes.js';

export interface IncludeRoots {
  readonly cwd: string;
  readonly basePath: string;
  readonly stacksBasePath: string;
}

/** Candidate paths of an `!include` target, in Atmos's order (spec §13.3). */
export function includeCandidates(written: string, fromFile: string, roots: IncludeRoots): string[] {
  if (isAbsolute(written)) return [written];
  if (written.startsWith('./') || written.startsWith('../'))
    return [resolve(dirname(join(roots.stacksBasePath, fromFile)), written)];
  return [resolve(roots.cwd, written), resolve(roots.basePath, written)];
}

export function includeReader(roots: IncludeRoots): IncludeReader {
  return (written, fromFile) => {
    const tried = includeCandidates(written, fromFile, roots);
    for (const path of tried) {
      if (existsSync(path) && statSync(path).isFile())
        return { ok: true, path, text: readFileSync(path, 'utf8') };
    }
    return { ok: false, tried };
  };
}

/**
 * HCL files named by `!include` in any manifest, parsed ahead of the (synchronous) compile with
 * HashiCorp's parser. Found by a textual scan of the manifests for the tag.
 */
export async function parseIncludedHcl(
  manifests: Iterable<[file: string, text: string]>,
  roots: IncludeRoots,
): Promise<Map<string, unknown>> {
  const out = new Map<string, unknown>();
  const re = /!include\s+(?:"([^"]+)"|'([^']+)'|(\S+))/g;
  for (const [file, text] of manifests) {
    if (!text.includes('!include')) continue;
    for (let m = re.exec(text); m; m = re.exec(text)) {
      const written = m[1] ?? m[2] ?? m[3]!;
      if (!/\.(tf|tfvars|hcl)$/i.test(written)) continue;
      const path = includeCandidates(written, file, roots).find((p) => existsSync(p));
      if (!path || out.has(path)) continue;
      try {
        out.set(path, await (await hcl()).parse(path, readFileSync(path, 'utf8')));
      } catch {
        // Left out: the include then reports the file as not parsable where it is used.
      }
    }
  }
  return out;
}

/** HashiCorp's HCL parser (WebAssembly), loaded only by the runs that need it: it costs ~70 ms to load. */
function hcl(): Promise<typeof Hcl2Json> {
  return import('@cdktf/hcl2json');
}

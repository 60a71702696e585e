import { cpSync, existsSync, readFileSync, writeFileSync } from 'node:fs';
import { basename, join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { openProject } from '../../src/services/project.js';
import { generateSchemas } from '../../src/services/schema-generate.js';
import { REPO, testdir } from '../helpers/testdir.js';
import type { Position, Range } from './lsp-client.js';

/** Files the example's .gitignore keeps out (terraform run leftovers), and Strata's own outputs. */
const NOT_COPIED = [
  /^\.strata$/,
  /^\.vscode$/,
  /^\.terraform$/,
  /^\.terraform\.lock\.hcl$/,
  /^terraform\.tfstate(\.backup)?$/,
  /^terraform\.tfstate\.d$/,
  /\.planfile$/,
  /\.terraform\.tfvars\.json$/,
  /^backend\.tf\.json$/,
  /_override\.tf\.json$/,
];

export interface EditorWorkspace {
  /** The copy of examples/aws-org (its base_path), removed after the test. */
  readonly root: string;
  /** `.vscode/settings.json` as `strata schema generate --vscode` wrote it. */
  readonly settings: { 'yaml.schemas': Record<string, string[]>; 'yaml.customTags': string[] };
  uri(file: string): string;
  text(file: string): string;
}

/**
 * Copies examples/aws-org (without generated schemas or editor settings) into a temp folder, adds
 * `extra` files, then runs `strata schema generate --vscode` there, as a user would.
 */
export async function exampleWorkspace(extra: Record<string, string>): Promise<EditorWorkspace> {
  const root = testdir({});
  cpSync(join(REPO, 'examples', 'aws-org'), root, {
    recursive: true,
    filter: (src) => !NOT_COPIED.some((re) => re.test(basename(src))),
  });
  if (existsSync(join(root, '.strata')) || existsSync(join(root, '.vscode')))
    throw new Error('the copy must start without generated schemas');
  for (const [file, text] of Object.entries(extra)) writeFileSync(join(root, file), text);
  await generateSchemas(openProject({ cwd: root, env: {} }), { vscode: true });
  const settings = JSON.parse(readFileSync(join(root, '.vscode', 'settings.json'), 'utf8'));
  return {
    root,
    settings,
    uri: (file) => pathToFileURL(join(root, file)).href,
    text: (file) => readFileSync(join(root, file), 'utf8'),
  };
}

/** The position of the `nth` occurrence of `needle` in `text` (0-based lines and columns). */
export function positionOf(text: string, needle: string, nth = 0): Position {
  let from = 0;
  for (let i = 0; ; i++) {
    const at = text.indexOf(needle, from);
    if (at < 0) throw new Error(`'${needle}' (#${nth}) not in the document`);
    if (i === nth) {
      const before = text.slice(0, at).split('\n');
      return { line: before.length - 1, character: before.at(-1)!.length };
    }
    from = at + needle.length;
  }
}

/** The range an editor would underline for `needle` (on one line). */
export function rangeOf(text: string, needle: string, nth = 0): Range {
  const start = positionOf(text, needle, nth);
  return { start, end: { line: start.line, character: start.character + needle.length } };
}

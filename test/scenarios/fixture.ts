import type { Tree } from '../helpers/memory-project.js';

/**
 * Strips the common indentation of a template literal so fixtures can be written as indented YAML
 * inside the tests. The first line break and trailing spaces are dropped; the result ends with "\n".
 */
export function y(strings: TemplateStringsArray, ...values: unknown[]): string {
  const text = strings.reduce((acc, s, i) => acc + s + (i < values.length ? String(values[i]) : ''), '');
  const lines = text.replace(/^\n/, '').replace(/\s+$/, '').split('\n');
  const indents = lines.filter((l) => l.trim() !== '').map((l) => /^ */.exec(l)![0].length);
  const cut = indents.length === 0 ? 0 : Math.min(...indents);
  return `${lines.map((l) => l.slice(cut)).join('\n')}\n`;
}

export interface ConfigParts {
  /** Extra keys under `stacks:` (name_template, name_pattern, inherit, ...), written at column 0. */
  readonly stacks?: string;
  /** Extra keys under `components.terraform:`, written at column 0. */
  readonly terraform?: string;
  /** Extra top-level keys (settings, ...), written at column 0. */
  readonly root?: string;
  /** Overrides the default `included_paths`. */
  readonly included?: readonly string[];
}

const indent = (text: string | undefined, by: number): string =>
  (text ?? '')
    .split('\n')
    .filter((l) => l.trim() !== '')
    .map((l) => `${' '.repeat(by)}${l}\n`)
    .join('');

/** An atmos.yaml: stacks under `stacks/`, top-level stacks `orgs/**`, `_defaults.yaml` excluded. */
export function config(parts: ConfigParts = {}): string {
  const included = (parts.included ?? ['orgs/**/*']).map((p) => JSON.stringify(p)).join(', ');
  return (
    'base_path: "."\n' +
    'stacks:\n' +
    '  base_path: stacks\n' +
    `  included_paths: [${included}]\n` +
    '  excluded_paths: ["**/_defaults.yaml"]\n' +
    indent(parts.stacks, 2) +
    'components:\n' +
    '  terraform:\n' +
    '    base_path: components/terraform\n' +
    indent(parts.terraform, 4) +
    indent(parts.root, 0)
  );
}

/** A repository: the given stack/component files plus an atmos.yaml. */
export function repo(files: Record<string, string>, atmos: string = config()): Tree {
  return { 'atmos.yaml': atmos, ...files };
}

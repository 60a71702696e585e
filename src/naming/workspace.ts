import type { ValueMap } from '../model/value.js';
import { isMap } from '../model/value.js';
import { renderTemplate } from '../template/index.js';
import { contextFromVars } from './context.js';

export interface WorkspaceInput {
  /** The stack-name prefix: manifest name, template or pattern result, else the stack file path. */
  readonly prefix: string;
  readonly component: string;
  readonly section: ValueMap;
  readonly workspacesEnabled: boolean | undefined;
  /**
   * `describe stacks` mode (Atmos QUIRK 14): the component and its folder are unknown there, so the
   * workspace is the bare prefix, {component}/{base-component} are empty, and an explicit
   * terraform_workspace wins over a pattern or template.
   */
  readonly describeStacks?: boolean;
}

export type WorkspaceResult =
  { readonly ok: true; readonly workspace: string } | { readonly ok: false; readonly message: string };

/** The folder a component runs in: merged metadata.component, else the `component` key, else its name (spec §5.3). */
export function baseComponentOf(component: string, section: ValueMap): string {
  const metadata = isMap(section['metadata']) ? section['metadata'] : {};
  const fromMetadata = metadata['component'];
  if (typeof fromMetadata === 'string' && fromMetadata !== '') return fromMetadata;
  const folder = section['component'];
  return typeof folder === 'string' && folder !== '' ? folder : component;
}

/** Terraform workspace rules of spec §8.1. Context tokens are always read from vars (see docs/compatibility.md). */
export function workspaceOf(input: WorkspaceInput): WorkspaceResult {
  const { section, component } = input;
  if (input.workspacesEnabled === false || section['backend_type'] === 'http')
    return { ok: true, workspace: 'default' };
  const metadata = isMap(section['metadata']) ? section['metadata'] : {};
  const quirk = input.describeStacks === true;
  const base = quirk ? component : baseComponentOf(component, section);
  let workspace: string;
  const literal = metadata['terraform_workspace'];
  const pinned = quirk && typeof literal === 'string' && literal !== '';
  const template = pinned ? undefined : metadata['terraform_workspace_template'];
  const pattern = pinned ? undefined : metadata['terraform_workspace_pattern'];
  if (typeof template === 'string' && template !== '') {
    const r = renderTemplate(template, section, {
      name: 'metadata.terraform_workspace_template',
      missingKey: 'error',
    });
    if (!r.ok)
      return {
        ok: false,
        message: `metadata.terraform_workspace_template cannot be rendered: ${r.error.message}`,
      };
    workspace = r.output;
  } else if (typeof pattern === 'string' && pattern !== '') {
    // {base-component} is empty when the component runs in its own folder (Atmos blanks it).
    workspace = quirk
      ? replaceTokens(pattern, section, '', '')
      : replaceTokens(pattern, section, component, base === component ? '' : base);
  } else if (typeof literal === 'string' && literal !== '') {
    workspace = literal;
  } else if (base === component) {
    workspace = input.prefix;
  } else {
    workspace = `${input.prefix}-${component}`;
  }
  return { ok: true, workspace: workspace.split('/').join('-') };
}

function replaceTokens(pattern: string, section: ValueMap, component: string, base: string): string {
  const c = contextFromVars(section['vars']);
  const tokens: Record<string, string> = {
    '{namespace}': c.namespace,
    '{tenant}': c.tenant,
    '{environment}': c.environment,
    '{region}': c.region,
    '{stage}': c.stage,
    '{attributes}': c.attributes,
    '{component}': component,
    '{base-component}': base,
  };
  return pattern.replace(/\{[a-z-]+\}/g, (t) => tokens[t] ?? t);
}

import type { ValueMap } from '../model/value.js';
import { baseComponentOf } from '../naming/workspace.js';

export interface InstanceNames {
  /** Folder of the Terraform root module, relative to components.terraform.base_path. */
  readonly folder: string;
  readonly varfile: string;
  readonly planfile: string;
}

/**
 * File names of spec §9.1. `context` is the stack name (manifest name, template or pattern result), else
 * the stack file path; Strata replaces `/` with `-` in it so generated files never land in subfolders
 * (Atmos QUIRK 9, see docs/compatibility.md).
 */
export function instanceNames(context: string, component: string, section: ValueMap): InstanceNames {
  const ctx = context.split('/').join('-');
  const folder = baseComponentOf(component, section);
  const last = component.slice(component.lastIndexOf('/') + 1);
  const hasBase = folder !== component;
  const prefix = hasBase ? dirname(folder) : dirname(component);
  const prefixR = prefix.split('/').join('-');
  const stem = prefixR === '' ? `${ctx}-${last}` : `${ctx}-${prefixR}-${last}`;
  return { folder, varfile: `${stem}.terraform.tfvars.json`, planfile: `${stem}.planfile` };
}

function dirname(path: string): string {
  const i = path.lastIndexOf('/');
  return i < 0 ? '' : path.slice(0, i);
}

import { readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import type { Diagnostic } from '../diagnostics/diagnostic.js';
import { error } from '../diagnostics/diagnostic.js';
import type { TfVariable } from '../validate/terraform-types.js';
import type { ExpressionNode } from '../validate/read-variables.js';
import { variableFromBlock } from '../validate/read-variables.js';

export interface TerraformModule {
  /** Folder relative to components.terraform.base_path, e.g. `vpc` or `infra/vpc`. */
  readonly folder: string;
  readonly variables: readonly TfVariable[];
  readonly diagnostics: readonly Diagnostic[];
}

/**
 * Reads every `*.tf` file of a component folder with HashiCorp's HCL parser (compiled to WebAssembly,
 * @cdktf/hcl2json) and returns its `variable` blocks. A file that does not parse is one diagnostic with
 * its line; the other files are still read.
 */
export async function readTerraformModule(
  basePath: string,
  folder: string,
  displayRoot: string,
): Promise<TerraformModule> {
  const dir = join(basePath, folder);
  const variables: TfVariable[] = [];
  const diagnostics: Diagnostic[] = [];
  const files = readdirSync(dir)
    .filter((f) => f.endsWith('.tf'))
    .sort();
  for (const name of files) {
    const path = join(dir, name);
    const display = relative(displayRoot, path);
    const text = readFileSync(path, 'utf8');
    let parsed: Record<string, unknown>;
    try {
      parsed = await (await import('@cdktf/hcl2json')).parse(display, text);
    } catch (e) {
      diagnostics.push(hclError(display, String((e as Error).message ?? e), text));
      continue;
    }
    const blocks = (parsed['variable'] ?? {}) as Record<string, Record<string, unknown>[]>;
    for (const varName of Object.keys(blocks).sort()) {
      const block = blocks[varName]?.[0] ?? {};
      const ast = async (expression: unknown) =>
        typeof expression === 'string'
          ? ((await (
              await import('@cdktf/hcl2json')
            ).getExpressionAst(display, unwrap(expression))) as ExpressionNode | null)
          : null;
      const type = await ast(block['type']);
      const validations = Array.isArray(block['validation'])
        ? (block['validation'] as Record<string, unknown>[])
        : [];
      const conditions = await Promise.all(validations.map((v) => ast(v['condition'])));
      variables.push(
        variableFromBlock({
          name: varName,
          file: display,
          block,
          type,
          typeText: typeof block['type'] === 'string' ? unwrap(block['type']) : '',
          conditions,
        }),
      );
    }
  }
  return { folder, variables, diagnostics };
}

/** hcl2json writes expressions as "${...}". */
function unwrap(expression: string): string {
  return expression.startsWith('${') && expression.endsWith('}') ? expression.slice(2, -1) : expression;
}

/** "parse config: [main.tf:2,10-3,1: Invalid expression; Expected ...]" → a diagnostic at main.tf:2:10. */
function hclError(file: string, message: string, text: string): Diagnostic {
  const m = /\[?([^\s[]+\.tf):(\d+),(\d+)(?:-[\d,]+)?: ([^\]]+)\]?/.exec(message);
  if (!m) return error('hcl-invalid', `cannot parse ${file}: ${message}`, { file });
  return error('hcl-invalid', `invalid HCL: ${m[4]!.trim()}`, {
    file,
    position: { line: Number(m[2]), column: Number(m[3]) },
    source: text,
    hint: 'fix the Terraform syntax (terraform validate shows the same error)',
  });
}

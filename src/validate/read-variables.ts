import type { TfAttribute, TfType, TfVariable } from './terraform-types.js';

/** The part of @cdktf/hcl2json's expression AST that type constraints and conditions use. */
export interface ExpressionNode {
  readonly type: string;
  readonly range?: { readonly start: { readonly byte: number }; readonly end: { readonly byte: number } };
  readonly children?: readonly ExpressionNode[];
  readonly meta?: Readonly<Record<string, unknown>>;
}

export interface VariableBlock {
  readonly name: string;
  readonly file: string;
  /** The block as hcl2json gives it (literal attributes as JSON values). */
  readonly block: Readonly<Record<string, unknown>>;
  readonly type: ExpressionNode | null;
  /** The type expression's text, to read object attribute names from the AST's byte ranges. */
  readonly typeText: string;
  readonly conditions: readonly (ExpressionNode | null)[];
}

const ANY: TfType = { kind: 'any' };

/** A `variable` block → the model the schema is built from. Unknown constructs become `any`. */
export function variableFromBlock(input: VariableBlock): TfVariable {
  const { block } = input;
  const type = input.type ? typeOf(input.type, input.typeText) : ANY;
  const out: { -readonly [K in keyof TfVariable]: TfVariable[K] } = {
    name: input.name,
    file: input.file,
    type,
    hasDefault: 'default' in block,
    nullable: block['nullable'] !== false,
  };
  if (typeof block['description'] === 'string') out.description = block['description'];
  if ('default' in block) out.default = block['default'];
  for (const condition of input.conditions) {
    const rule = condition ? ruleOf(condition, input.name) : undefined;
    if (rule?.allowed) out.allowed = rule.allowed;
    if (rule?.pattern) out.pattern = rule.pattern;
  }
  return out;
}

function name(node: ExpressionNode): string | undefined {
  const m = node.meta ?? {};
  return typeof m['name'] === 'string'
    ? m['name']
    : typeof m['fullAccessor'] === 'string'
      ? m['fullAccessor']
      : undefined;
}

/** Type constraint AST → TfType (string, number, bool, any, list/set/map(T), object({...}), tuple([...])). */
export function typeOf(node: ExpressionNode, text: string): TfType {
  if (node.type === 'scopeTraversal') {
    const n = name(node);
    return n === 'string' || n === 'number' || n === 'bool' ? { kind: n } : ANY;
  }
  if (node.type !== 'function') return ANY;
  const fn = name(node);
  const args = node.children ?? [];
  switch (fn) {
    case 'list':
    case 'set':
    case 'map':
      return { kind: fn, element: args[0] ? typeOf(args[0], text) : ANY };
    case 'tuple': {
      const items = args[0]?.type === 'tuple' ? (args[0].children ?? []) : [];
      return { kind: 'tuple', elements: items.map((c) => typeOf(c, text)) };
    }
    case 'object': {
      const cons = args[0];
      const attributes: Record<string, TfAttribute> = {};
      if (cons?.type === 'object') {
        const parts = cons.children ?? [];
        for (let i = 0; i + 1 < parts.length; i += 2) {
          const key = keyText(parts[i]!, text);
          if (key !== undefined) attributes[key] = attributeOf(parts[i + 1]!, text);
        }
      }
      return { kind: 'object', attributes };
    }
    default:
      return ANY;
  }
}

function attributeOf(node: ExpressionNode, text: string): TfAttribute {
  if (node.type === 'function' && name(node) === 'optional') {
    const [inner, fallback] = node.children ?? [];
    const type = inner ? typeOf(inner, text) : ANY;
    const def = fallback ? literalOf(fallback) : undefined;
    return def === undefined ? { type, optional: true } : { type, optional: true, default: def.value };
  }
  return { type: typeOf(node, text), optional: false };
}

/** Object keys are AST nodes without a type; their text is read from the expression by byte range. */
function keyText(node: ExpressionNode, text: string): string | undefined {
  if (!node.range) return undefined;
  const raw = Buffer.from(text, 'utf8')
    .subarray(node.range.start.byte, node.range.end.byte)
    .toString('utf8')
    .trim();
  return raw.startsWith('"') && raw.endsWith('"') ? raw.slice(1, -1) : raw;
}

/** A literal (number, string, bool, null, or a tuple of them). */
function literalOf(node: ExpressionNode): { value: unknown } | undefined {
  if (node.type === 'template') {
    const parts = node.children ?? [];
    return parts.length === 1 && parts[0]!.type === 'literalValue'
      ? literalOf(parts[0]!)
      : parts.length === 0
        ? { value: '' }
        : undefined;
  }
  if (node.type === 'literalValue') {
    const m = node.meta ?? {};
    const v = m['value'];
    if (m['type'] === 'number') return { value: Number(v) };
    if (m['type'] === 'bool') return { value: v === 'true' };
    if (m['type'] === 'string') return { value: v };
    return { value: null };
  }
  if (node.type === 'tuple') {
    const items = (node.children ?? []).map(literalOf);
    return items.every((i) => i !== undefined) ? { value: items.map((i) => i.value) } : undefined;
  }
  return undefined;
}

/** `contains([...], var.x)` → allowed values; `can(regex("...", var.x))` → pattern. Anything else: no rule. */
function ruleOf(
  node: ExpressionNode,
  variable: string,
): { allowed?: unknown[]; pattern?: string } | undefined {
  if (node.type !== 'function') return undefined;
  const args = node.children ?? [];
  const isVar = (n: ExpressionNode | undefined) =>
    n?.type === 'scopeTraversal' && name(n) === `var.${variable}`;
  if (name(node) === 'contains' && args.length === 2 && isVar(args[1])) {
    const list = literalOf(args[0]!);
    return Array.isArray(list?.value) ? { allowed: list.value as unknown[] } : undefined;
  }
  if (name(node) === 'can' && args[0]?.type === 'function' && name(args[0]) === 'regex') {
    const [re, subject] = args[0].children ?? [];
    const pattern = re ? literalOf(re)?.value : undefined;
    return typeof pattern === 'string' && isVar(subject) && portable(pattern) ? { pattern } : undefined;
  }
  return undefined;
}

/** RE2 syntax that ECMAScript reads differently is left to terraform. */
function portable(pattern: string): boolean {
  return !/\(\?[a-zA-Z]|\\[AzQE]|\[\[:|\(\?P</.test(pattern);
}

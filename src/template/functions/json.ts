/**
 * Go encoding/json-compatible encoding of plain data: map keys sorted,
 * compact or indented output, optional HTML escaping.
 */
import { isMap, sortedKeys } from '../values.js';
import { Computed } from '../computed.js';

export interface JsonOptions {
  escapeHTML: boolean;
  /** Indent unit for MarshalIndent-style output; compact when absent. */
  indent?: string;
}

const MAX_DEPTH = 1000;

function encodeString(text: string, escapeHTML: boolean): string {
  let out = '"';
  for (let i = 0; i < text.length; i++) {
    const c = text[i] ?? '';
    const code = text.charCodeAt(i);
    if (c === '"' || c === '\\') out += `\\${c}`;
    else if (c === '\n') out += '\\n';
    else if (c === '\r') out += '\\r';
    else if (c === '\t') out += '\\t';
    else if (c === '\b') out += '\\b';
    else if (c === '\f') out += '\\f';
    else if (
      code < 0x20 ||
      code === 0x2028 ||
      code === 0x2029 ||
      (escapeHTML && (c === '<' || c === '>' || c === '&'))
    ) {
      out += `\\u${code.toString(16).padStart(4, '0')}`;
    } else if (code >= 0xd800 && code <= 0xdfff) {
      const pair = code <= 0xdbff && /[\udc00-\udfff]/.test(text[i + 1] ?? '');
      if (pair) out += c + (text[++i] ?? '');
      else out += '\\ufffd';
    } else out += c;
  }
  return `${out}"`;
}

function encodeNumber(n: number): string {
  if (!Number.isFinite(n))
    throw new Error(`json: unsupported value: ${Number.isNaN(n) ? 'NaN' : n > 0 ? '+Inf' : '-Inf'}`);
  return Object.is(n, -0) ? '0' : String(n);
}

function encode(value: unknown, options: JsonOptions, depth: number, prefix: string): string {
  if (depth > MAX_DEPTH) throw new Error('json: unsupported value: encountered a cycle or excessive nesting');
  if (value === null || value === undefined) return 'null';
  switch (typeof value) {
    case 'boolean':
      return String(value);
    case 'number':
      return encodeNumber(value);
    case 'bigint':
      return value.toString();
    case 'string':
      return encodeString(value, options.escapeHTML);
    case 'function':
      throw new Error('json: unsupported type: func()');
  }
  if (value instanceof Computed) return encodeString(value.toString(), options.escapeHTML);
  const { indent } = options;
  const inner = indent === undefined ? '' : prefix + indent;
  const open = indent === undefined ? '' : `\n${inner}`;
  const close = indent === undefined ? '' : `\n${prefix}`;
  const colon = indent === undefined ? ':' : ': ';
  if (Array.isArray(value)) {
    if (value.length === 0) return '[]';
    const items = value.map((v) => encode(v, options, depth + 1, inner));
    return `[${open}${items.join(`,${open}`)}${close}]`;
  }
  if (isMap(value)) {
    const keys = sortedKeys(value);
    if (keys.length === 0) return '{}';
    const items = keys.map(
      (k) => `${encodeString(k, options.escapeHTML)}${colon}${encode(value[k], options, depth + 1, inner)}`,
    );
    return `{${open}${items.join(`,${open}`)}${close}}`;
  }
  throw new Error(`json: unsupported type: ${typeof value}`);
}

export function encodeJson(value: unknown, options: JsonOptions): string {
  return encode(value, options, 0, '');
}

/**
 * Gomplate's `data` namespace, without datasources: parsing JSON and YAML
 * strings into values, and encoding values as JSON (Go's encoding, keys
 * sorted, `<>&` escaped) or YAML (2-space indent, keys sorted, quoting as
 * gopkg.in/yaml.v3 does for the common cases).
 */
import { Document, type Scalar, parseAllDocuments, visit } from 'yaml';
import { Computed } from '../computed.js';
import { TemplateNamespace, namespaceFunction } from '../namespace.js';
import type { TemplateFunction } from '../types.js';
import { isMap } from '../values.js';
import { arity, asString } from './args.js';
import { setKey, toGoString } from './gomplate-cast.js';
import { encodeJson } from './json.js';

type Shape = 'object' | 'array';

function firstLine(message: string): string {
  return (message.split('\n')[0] ?? '').replace(/ at line \d+, column \d+:?$/, '');
}

/** The first non-null YAML document of the text (JSON is YAML too), or undefined for none. */
function parseYamlValue(text: string): unknown {
  for (const doc of parseAllDocuments(text, { merge: true, uniqueKeys: true, prettyErrors: false })) {
    const [error] = doc.errors;
    if (error) throw new Error(firstLine(error.message));
    const value: unknown = doc.toJS({ maxAliasCount: 10_000 });
    if (value !== null && value !== undefined) return value;
  }
  return undefined;
}

function parseJsonValue(text: string): unknown {
  try {
    return JSON.parse(text) as unknown;
  } catch {
    // Gomplate parses JSON with its YAML parser, so YAML flow syntax is accepted as well.
    return parseYamlValue(text);
  }
}

function decoder(parse: (text: string) => unknown, shape: Shape): TemplateFunction {
  return (...args) => {
    arity(args, 1);
    const text = toGoString(args[0]);
    let value: unknown;
    try {
      value = parse(text);
    } catch (error) {
      throw new Error(`unable to unmarshal ${shape} ${text}: ${(error as Error).message}`);
    }
    if (value === null || value === undefined) return shape === 'object' ? {} : [];
    const ok = shape === 'object' ? isMap(value) : Array.isArray(value);
    if (!ok) {
      const found = Array.isArray(value) ? 'an array' : isMap(value) ? 'an object' : `a ${typeof value}`;
      throw new Error(`unable to unmarshal ${shape} ${text}: the input is ${found}`);
    }
    return value;
  };
}

function json(indent: string | undefined, value: unknown): string {
  try {
    return encodeJson(value, { escapeHTML: true, ...(indent === undefined ? {} : { indent }) });
  } catch (error) {
    throw new Error(`unable to marshal ${toGoString(value)}: ${(error as Error).message}`);
  }
}

/** Plain data for the YAML encoder: placeholders become their text. */
function plain(value: unknown): unknown {
  if (value instanceof Computed) return value.toString();
  if (typeof value === 'function') throw new Error('cannot marshal type func');
  if (Array.isArray(value)) return value.map(plain);
  if (isMap(value)) {
    const out: Record<string, unknown> = {};
    for (const key of Object.keys(value)) setKey(out, key, plain(value[key]));
    return out;
  }
  return value ?? null;
}

/** Strings that yaml.v3 double-quotes because, unquoted, they would read as another type. */
const NON_STRING_PLAIN = [
  /^(?:~|null|Null|NULL)$/,
  /^(?:true|True|TRUE|false|False|FALSE)$/,
  /^(?:y|Y|yes|Yes|YES|n|N|no|No|NO|on|On|ON|off|Off|OFF)$/,
  /^[-+]?(?:0b[01_]+|0o?[0-7_]+|0x[0-9a-fA-F_]+|[0-9][0-9_]*)$/,
  /^[-+]?(?:\.[0-9]+|[0-9][0-9_]*(?:\.[0-9_]*)?)(?:[eE][-+]?[0-9]+)?$/,
  /^[-+]?\.(?:inf|Inf|INF)$/,
  /^\.(?:nan|NaN|NAN)$/,
  /^[-+]?[0-9][0-9_]*(?::[0-5]?[0-9])+(?:\.[0-9_]*)?$/,
  /^[0-9]{4}-[0-9]{1,2}-[0-9]{1,2}(?:$|[Tt ])/,
];

function toYaml(value: unknown): string {
  const doc = new Document(plain(value), { sortMapEntries: true });
  visit(doc, {
    Scalar(_key, node: Scalar) {
      const text = node.value;
      if (
        typeof text === 'string' &&
        !text.includes('\n') &&
        (text === '' || NON_STRING_PLAIN.some((re) => re.test(text)))
      )
        node.type = 'QUOTE_DOUBLE';
    },
  });
  return doc.toString({ lineWidth: 0, indentSeq: true, singleQuote: true });
}

export const dataMethods: Record<string, TemplateFunction> = {
  JSON: decoder(parseJsonValue, 'object'),
  JSONArray: decoder(parseJsonValue, 'array'),
  YAML: decoder(parseYamlValue, 'object'),
  YAMLArray: decoder(parseYamlValue, 'array'),
  ToJSON: (...args) => {
    arity(args, 1);
    return json(undefined, args[0]);
  },
  /** data.ToJSONPretty indent value */
  ToJSONPretty: (...args) => {
    arity(args, 2);
    return json(asString(args[0]), args[1]);
  },
  ToYAML: (...args) => {
    arity(args, 1);
    return toYaml(args[0]);
  },
};

export const gomplateData: Record<string, TemplateFunction> = {
  data: namespaceFunction(new TemplateNamespace('data', dataMethods)),
};

/**
 * Gomplate's deterministic `crypto` hashes: SHA-1 and SHA-2 digests of the
 * input (converted to a string) as lower-case hex.
 */
import { createHash } from 'node:crypto';
import { TemplateNamespace, namespaceFunction } from '../namespace.js';
import type { TemplateFunction } from '../types.js';
import { arity } from './args.js';
import { toGoString } from './gomplate-cast.js';

const digest =
  (algorithm: string): TemplateFunction =>
  (...args) => {
    arity(args, 1);
    return createHash(algorithm).update(toGoString(args[0]), 'utf8').digest('hex');
  };

export const cryptoMethods: Record<string, TemplateFunction> = {
  SHA1: digest('sha1'),
  SHA224: digest('sha224'),
  SHA256: digest('sha256'),
  SHA384: digest('sha384'),
  SHA512: digest('sha512'),
  SHA512_224: digest('sha512-224'),
  SHA512_256: digest('sha512-256'),
};

export const gomplateCrypto: Record<string, TemplateFunction> = {
  crypto: namespaceFunction(new TemplateNamespace('crypto', cryptoMethods)),
};

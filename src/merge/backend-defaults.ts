import type { ValueMap } from '../model/value.js';
import { copyMap, isMap } from '../model/value.js';
import type { TracedValue } from './deep-merge.js';

interface Names {
  readonly component: string;
  readonly baseName: string;
  readonly metadataName: string;
  readonly separator: string;
}

/**
 * Backend defaults (spec §8.3): s3 `workspace_key_prefix` and gcs `prefix` default to the component's
 * identity (metadata.name, else its folder, else its name) with `/` replaced by the prefix separator;
 * azurerm gets a `key` of `<id>.terraform.tfstate` under the stack-level key.
 */
export function applyBackendDefaults(
  backendType: string,
  backend: TracedValue,
  names: Names,
  typeLevelBackend: ValueMap,
  componentBackend: ValueMap,
): TracedValue {
  const id = (names.metadataName || names.baseName || names.component).split('/').join(names.separator);
  const set = (key: string, value: string): TracedValue => {
    const out = copyMap(backend.value);
    out[key] = value;
    return { value: out, trace: backend.trace };
  };
  const current = (key: string) => backend.value[key];
  switch (backendType) {
    case 's3':
      return typeof current('workspace_key_prefix') === 'string' && current('workspace_key_prefix') !== ''
        ? backend
        : set('workspace_key_prefix', id);
    case 'gcs':
      return typeof current('prefix') === 'string' && current('prefix') !== '' ? backend : set('prefix', id);
    case 'azurerm': {
      const own = componentBackend['azurerm'];
      if (isMap(own) && typeof own['key'] === 'string') return backend;
      const globalAzure = typeLevelBackend['azurerm'];
      const globalKey =
        isMap(globalAzure) && typeof globalAzure['key'] === 'string' ? globalAzure['key'] : undefined;
      const existing = current('key');
      if (typeof existing === 'string' && existing !== '' && existing !== globalKey) return backend;
      return set(
        'key',
        [...(globalKey !== undefined ? [globalKey] : []), `${id}.terraform.tfstate`].join('/'),
      );
    }
    default:
      return backend;
  }
}

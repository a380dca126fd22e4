import type { Config } from '@backstage/config';

type Kind = 'string' | 'boolean' | 'number' | 'string[]';
type KindType<K extends Kind> = K extends 'string'
  ? string
  : K extends 'boolean'
  ? boolean
  : K extends 'string[]'
  ? string[]
  : number;

/**
 * Reads an optional config value of a given type; on a type mismatch records a problem (without
 * the value) instead of throwing, so that validation can report every broken entry at once.
 */
export function readConfigValue<K extends Kind>(
  config: Config,
  key: string,
  kind: K,
  path: string,
  problems: string[],
): KindType<K> | undefined {
  try {
    switch (kind) {
      case 'string':
        return config.getOptionalString(key) as KindType<K> | undefined;
      case 'boolean':
        return config.getOptionalBoolean(key) as KindType<K> | undefined;
      case 'string[]':
        return config.getOptionalStringArray(key) as KindType<K> | undefined;
      default:
        return config.getOptionalNumber(key) as KindType<K> | undefined;
    }
  } catch {
    problems.push(
      `${path}.${key}: must be ${
        kind === 'string[]' ? 'a list of strings' : `a ${kind}`
      }`,
    );
    return undefined;
  }
}

/** Reads an optional array of config objects; records a problem when it is not one. */
export function readConfigArray(
  config: Config,
  key: string,
  path: string,
  problems: string[],
): Config[] | undefined {
  try {
    return config.getOptionalConfigArray(key);
  } catch {
    problems.push(`${path}: must be a list of objects`);
    return undefined;
  }
}

/** Reads an optional config object; records a problem when it is not one. */
export function readConfigObject(
  config: Config,
  key: string,
  path: string,
  problems: string[],
): Config | undefined {
  try {
    return config.getOptionalConfig(key);
  } catch {
    problems.push(`${path}: must be an object`);
    return undefined;
  }
}

/**
 * Small shape checks that record problems instead of throwing. Internal to the validators.
 */
import { isPlainObject } from '../profile/deepMerge';
import { quoteForMessage, truncateForMessage } from './echo';
import { INPUT_LIMITS } from './limits';
import { joinPath } from './path';
import { isDataKey, isDnsLabel, isDnsSubdomain } from './rules';
import type { ValidationProblem } from './types';

/** @internal */
export type Problems = ValidationProblem[];

/** @internal */
export function describeType(value: unknown): string {
  if (value === null) return 'null';
  if (Array.isArray(value)) return 'a list';
  if (typeof value === 'object') return 'a mapping';
  return `a ${typeof value}`;
}

/**
 * Checks that a value is a mapping (when present, or always when `required`) and that it has no
 * keys outside `keys` (when given). Returns the mapping when it is one.
 *
 * @internal
 */
export function checkObject(
  value: unknown,
  path: string,
  problems: Problems,
  options: { required?: boolean; keys?: readonly string[] } = {},
): Record<string, unknown> | undefined {
  if (value === undefined) {
    if (options.required) problems.push({ path, message: 'is required' });
    return undefined;
  }
  if (!isPlainObject(value)) {
    problems.push({
      path,
      message: `must be a mapping, got ${describeType(value)}`,
    });
    return undefined;
  }
  if (options.keys) {
    const known = options.keys;
    const unknown = Object.keys(value).filter(key => !known.includes(key));
    const listed = unknown.slice(0, INPUT_LIMITS.maxUnknownFieldsListed);
    for (const key of listed) {
      problems.push({
        path: joinPath(path, truncateForMessage(key)),
        message: `is not a known field (expected one of: ${known.join(', ')})`,
      });
    }
    if (unknown.length > listed.length) {
      problems.push({
        path,
        message: `has ${unknown.length - listed.length} more unknown fields`,
      });
    }
  }
  return value;
}

/**
 * Checks a list: present when `required`, at most `maxItems` entries (the entries are not checked
 * when there are more).
 *
 * @internal
 */
export function checkArray(
  value: unknown,
  path: string,
  problems: Problems,
  required = false,
  maxItems: number = INPUT_LIMITS.maxListItems,
): unknown[] | undefined {
  if (value === undefined) {
    if (required) problems.push({ path, message: 'is required' });
    return undefined;
  }
  if (!Array.isArray(value)) {
    problems.push({
      path,
      message: `must be a list, got ${describeType(value)}`,
    });
    return undefined;
  }
  if (value.length > maxItems) {
    problems.push({
      path,
      message: `has ${value.length} entries, at most ${maxItems} are allowed`,
    });
    return undefined;
  }
  return value;
}

/**
 * Checks a string field: present when `required`, a non-empty string of at most `maxLength`
 * characters when present. Never echoes the value (it may be a credential).
 *
 * @internal
 */
export function checkString(
  value: unknown,
  path: string,
  problems: Problems,
  required = false,
  maxLength: number = INPUT_LIMITS.maxStringLength,
): string | undefined {
  if (value === undefined) {
    if (required) problems.push({ path, message: 'is required' });
    return undefined;
  }
  if (typeof value !== 'string') {
    problems.push({
      path,
      message: `must be a string, got ${describeType(value)}`,
    });
    return undefined;
  }
  if (value.length > maxLength) {
    problems.push({
      path,
      message: `is ${value.length} characters long, at most ${maxLength} are allowed`,
    });
    return undefined;
  }
  if (value.trim() === '') {
    problems.push({ path, message: 'must not be empty' });
    return undefined;
  }
  return value;
}

/** @internal */
export function checkBoolean(
  value: unknown,
  path: string,
  problems: Problems,
): boolean | undefined {
  if (value === undefined) return undefined;
  if (typeof value !== 'boolean') {
    problems.push({
      path,
      message: `must be true or false, got ${describeType(value)}`,
    });
    return undefined;
  }
  return value;
}

/** @internal */
export function checkStringMap(
  value: unknown,
  path: string,
  problems: Problems,
): void {
  const map = checkObject(value, path, problems);
  if (!map) return;
  const entries = Object.entries(map);
  if (entries.length > INPUT_LIMITS.maxListItems) {
    problems.push({
      path,
      message: `has ${entries.length} entries, at most ${INPUT_LIMITS.maxListItems} are allowed`,
    });
    return;
  }
  for (const [key, item] of entries) {
    const itemPath = joinPath(path, truncateForMessage(key));
    if (typeof item !== 'string') {
      problems.push({
        path: itemPath,
        message: `must be a string, got ${describeType(item)}`,
      });
    } else if (key.length > INPUT_LIMITS.maxStringLength) {
      problems.push({
        path: itemPath,
        message: `the key is ${key.length} characters long, at most ${INPUT_LIMITS.maxStringLength} are allowed`,
      });
    } else if (item.length > INPUT_LIMITS.maxStringLength) {
      problems.push({
        path: itemPath,
        message: `is ${item.length} characters long, at most ${INPUT_LIMITS.maxStringLength} are allowed`,
      });
    }
  }
}

/** A string check: `checkString`, then a predicate with the message for a value that fails it. */
function stringCheck(isValid: (text: string) => boolean, problem: string) {
  return (
    value: unknown,
    path: string,
    problems: Problems,
    required = false,
  ): string | undefined => {
    const text = checkString(value, path, problems, required);
    if (text === undefined) return undefined;
    if (!isValid(text)) {
      problems.push({ path, message: `${quoteForMessage(text)} ${problem}` });
      return undefined;
    }
    return text;
  };
}

/**
 * Checks an RFC 1123 label (namespaces, instance names).
 *
 * @internal
 */
export const checkDnsLabel = stringCheck(
  isDnsLabel,
  "is not a valid RFC 1123 label: at most 63 lower-case letters, digits and '-', starting and ending with a letter or digit",
);

/**
 * Checks an RFC 1123 subdomain (Secret and ConfigMap names).
 *
 * @internal
 */
export const checkDnsSubdomain = stringCheck(
  isDnsSubdomain,
  "is not a valid RFC 1123 subdomain: at most 253 lower-case letters, digits, '-' and '.', each dot-separated part starting and ending with a letter or digit",
);

/**
 * Checks a Secret/ConfigMap data key.
 *
 * @internal
 */
export const checkDataKey = stringCheck(
  isDataKey,
  "is not a valid data key: use letters, digits, '-', '_' and '.' ([-._a-zA-Z0-9]+)",
);

/**
 * Checks a configured cluster or target name: non-empty, no whitespace, no '/' (it is part of the
 * `<target>/<namespace>/<name>` annotation value).
 *
 * @internal
 */
export const checkRefName = stringCheck(
  text => !/[\s/]/.test(text),
  "must not contain whitespace or '/'",
);

/**
 * Checks a free-form mapping (`values`, `kcp`, `serviceOverrides`): a mapping whose JSON is at most
 * {@link INPUT_LIMITS}.maxMappingJsonBytes bytes.
 *
 * @internal
 */
export function checkBoundedMapping(
  value: unknown,
  path: string,
  problems: Problems,
): Record<string, unknown> | undefined {
  const map = checkObject(value, path, problems);
  if (!map) return undefined;
  let size: number;
  try {
    size = new TextEncoder().encode(JSON.stringify(map)).length;
  } catch {
    problems.push({ path, message: 'must be plain JSON data' });
    return undefined;
  }
  if (size > INPUT_LIMITS.maxMappingJsonBytes) {
    problems.push({
      path,
      message: `is ${size} bytes as JSON, at most ${INPUT_LIMITS.maxMappingJsonBytes} are allowed`,
    });
    return undefined;
  }
  return map;
}

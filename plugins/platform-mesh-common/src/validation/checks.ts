/**
 * Small shape checks that record problems instead of throwing. Internal to the validators.
 */
import { isPlainObject } from '../profile/deepMerge';
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
    for (const key of Object.keys(value)) {
      if (!options.keys.includes(key)) {
        problems.push({
          path: joinPath(path, key),
          message: `is not a known field (expected one of: ${options.keys.join(
            ', ',
          )})`,
        });
      }
    }
  }
  return value;
}

/** @internal */
export function checkArray(
  value: unknown,
  path: string,
  problems: Problems,
  required = false,
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
  return value;
}

/**
 * Checks a string field: present when `required`, a non-empty string when present. Never echoes
 * the value (it may be a credential).
 *
 * @internal
 */
export function checkString(
  value: unknown,
  path: string,
  problems: Problems,
  required = false,
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
  for (const [key, item] of Object.entries(map)) {
    if (typeof item !== 'string') {
      problems.push({
        path: joinPath(path, key),
        message: `must be a string, got ${describeType(item)}`,
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
      problems.push({ path, message: `${JSON.stringify(text)} ${problem}` });
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

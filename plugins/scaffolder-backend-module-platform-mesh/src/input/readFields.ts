import {
  INPUT_LIMITS,
  truncateForMessage,
} from '@platform-mesh-backstage/plugin-platform-mesh-common/alpha';
import type { Problem } from './inputProblems';

type Raw = Record<string, unknown>;

/** The type of a value, for messages (never the value itself). */
export function describeType(value: unknown): string {
  if (value === null) return 'null';
  if (Array.isArray(value)) return 'a list';
  return `a ${typeof value}`;
}

/** Whether a value is a plain mapping. */
export function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** The field types {@link readField} checks. */
type FieldType = 'string' | 'number' | 'boolean' | 'object' | 'string[]';

/**
 * Reads one input field with a type check; undefined (and a problem) when it has the wrong type.
 * Strings are at most `maxLength` characters (default `INPUT_LIMITS.maxStringLength`); string lists
 * at most `INPUT_LIMITS.maxListItems` entries of at most `maxLength` characters. Never echoes the
 * value.
 *
 * @param raw - the action input
 * @param name - the field
 * @param type - the expected type
 * @param problems - where problems are added
 * @param options - whether the field is required, the longest string allowed
 */
export function readField<T>(
  raw: Raw,
  name: string,
  type: FieldType,
  problems: Problem[],
  options: { required?: boolean; maxLength?: number } = {},
): T | undefined {
  const value = raw[name];
  const maxLength = options.maxLength ?? INPUT_LIMITS.maxStringLength;
  if (value === undefined || value === null || value === '') {
    if (options.required)
      problems.push({ field: name, message: 'is required' });
    return undefined;
  }
  const checks: Record<FieldType, [boolean, string]> = {
    object: [isObject(value), 'a mapping'],
    'string[]': [
      Array.isArray(value) && value.every(v => typeof v === 'string'),
      'a list of strings',
    ],
    string: [typeof value === 'string', 'a string'],
    number: [typeof value === 'number', 'a number'],
    boolean: [typeof value === 'boolean', 'a boolean'],
  };
  const [ok, expected] = checks[type];
  if (!ok) {
    problems.push({
      field: name,
      message: `must be ${expected}, got ${describeType(value)}`,
    });
    return undefined;
  }
  if (typeof value === 'string' && value.length > maxLength) {
    problems.push({
      field: name,
      message: `is ${value.length} characters long, at most ${maxLength} are allowed`,
    });
    return undefined;
  }
  if (Array.isArray(value)) {
    if (value.length > INPUT_LIMITS.maxListItems) {
      problems.push({
        field: name,
        message: `has ${value.length} entries, at most ${INPUT_LIMITS.maxListItems} are allowed`,
      });
      return undefined;
    }
    const long = value.findIndex((v: string) => v.length > maxLength);
    if (long !== -1) {
      problems.push({
        field: `${name}[${long}]`,
        message: `is ${value[long].length} characters long, at most ${maxLength} are allowed`,
      });
      return undefined;
    }
  }
  return value as T;
}

/**
 * Reads a number field: a finite number from `min` to `max`, an integer unless `integer` is false.
 * Undefined (and a problem) otherwise.
 *
 * @param raw - the action input
 * @param name - the field
 * @param problems - where problems are added
 * @param bounds - the smallest and largest value allowed, whether only integers are
 */
export function readNumberField(
  raw: Raw,
  name: string,
  problems: Problem[],
  bounds: { min: number; max: number; integer?: boolean },
): number | undefined {
  const value = readField<number>(raw, name, 'number', problems);
  if (value === undefined) return undefined;
  const integer = bounds.integer ?? true;
  if (
    !Number.isFinite(value) ||
    (integer && !Number.isInteger(value)) ||
    value < bounds.min ||
    value > bounds.max
  ) {
    problems.push({
      field: name,
      message: `must be ${integer ? 'an integer' : 'a number'} from ${
        bounds.min
      } to ${bounds.max}, got ${truncateForMessage(String(value))}`,
    });
    return undefined;
  }
  return value;
}

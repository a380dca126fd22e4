/**
 * Shape checks that record problems instead of throwing, for validators that check a section
 * field by field. Each parses one value with a zod schema of `./schema` and reports every issue
 * through `toProblems`. Internal to the validators.
 */
import { z } from 'zod/v4';
import { INPUT_LIMITS } from './limits';
import { describeType } from './schema/describeType';
import { dnsLabel, dnsSubdomain } from './schema/names';
import {
  anyMapping,
  boundedMapping,
  fields,
  list,
  mapping,
  stringMap,
  text,
} from './schema/shapes';
import { parseInto } from './schema/toProblems';
import type { ValidationProblem } from './types';

/** @internal */
export type Problems = ValidationProblem[];

export { describeType };

/** Parses an optional (or, when `required`, a required) value; returns it when it passed. */
function check<T>(
  schema: z.ZodType,
  value: unknown,
  path: string,
  problems: Problems,
  required: boolean,
): T | undefined {
  if (value === undefined && !required) return undefined;
  return parseInto(schema, value, path, problems) ? (value as T) : undefined;
}

const strictMappings = new Map<string, z.ZodType>();

function strictMapping(keys: readonly string[]): z.ZodType {
  const id = keys.join('\n');
  let schema = strictMappings.get(id);
  if (!schema) {
    schema = mapping(fields(keys));
    strictMappings.set(id, schema);
  }
  return schema;
}

/**
 * Checks that a value is a mapping (when present, or always when `required`) and that it has no
 * keys outside `keys` (when given). Returns the mapping when it is one, unknown keys or not.
 *
 * @internal
 */
export function checkObject(
  value: unknown,
  path: string,
  problems: Problems,
  options: { required?: boolean; keys?: readonly string[] } = {},
): Record<string, unknown> | undefined {
  const schema = options.keys ? strictMapping(options.keys) : anyMapping;
  if (value === undefined && !options.required) return undefined;
  parseInto(schema, value, path, problems);
  return anyMapping.safeParse(value).success
    ? (value as Record<string, unknown>)
    : undefined;
}

const lists = new Map<number, z.ZodType>();

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
  let schema = lists.get(maxItems);
  if (!schema) {
    schema = list(z.unknown(), maxItems);
    lists.set(maxItems, schema);
  }
  return check(schema, value, path, problems, required);
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
  return check(text(maxLength), value, path, problems, required);
}

/** @internal */
export function checkStringMap(
  value: unknown,
  path: string,
  problems: Problems,
): void {
  check(stringMap, value, path, problems, false);
}

/** A string check of a name schema of `./schema/names`. */
function nameCheck(schema: z.ZodType<string>) {
  return (
    value: unknown,
    path: string,
    problems: Problems,
    required = false,
  ): string | undefined => check(schema, value, path, problems, required);
}

/**
 * Checks an RFC 1123 label (namespaces, instance names).
 *
 * @internal
 */
export const checkDnsLabel = nameCheck(dnsLabel);

/**
 * Checks an RFC 1123 subdomain (Secret and ConfigMap names).
 *
 * @internal
 */
export const checkDnsSubdomain = nameCheck(dnsSubdomain);

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
  return check(boundedMapping, value, path, problems, false);
}

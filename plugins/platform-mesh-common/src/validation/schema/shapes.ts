/**
 * Zod schemas of the input shapes with the validators' messages: mappings (with or without a list
 * of known fields), strings, booleans, lists, string maps and free-form mappings, all bounded by
 * {@link INPUT_LIMITS}. A check after the type check runs only while the value has no problem
 * yet ({@link ifNoProblemYet}), so a field gets one problem, the first it fails, as before. Messages never repeat string values
 * (they may be credentials).
 */
import { z } from 'zod/v4';
import { isPlainObject } from '../../profile/deepMerge';
import { INPUT_LIMITS } from '../limits';
import { describeType } from './describeType';

/**
 * Check parameters that run a check only while the value has no problem yet: a field gets one
 * problem, the first it fails. Not `abort: true`: zod lets an aborted issue of a field stop the
 * refinements of every enclosing mapping, even those with `when`, so a cross-field rule would not
 * run when an unrelated field is wrong.
 *
 * @internal
 */
export const ifNoProblemYet = {
  when: (payload: { issues: readonly unknown[] }) =>
    payload.issues.length === 0,
};

/** The message of a type mismatch: `is required` for a missing value, else `must be <what>, got <type>`. */
export function typeMessage(what: string) {
  return (issue: { input?: unknown }): string =>
    issue.input === undefined
      ? 'is required'
      : `must be ${what}, got ${describeType(issue.input)}`;
}

/** The known fields of a mapping whose values are checked elsewhere. */
export function fields(keys: readonly string[]): Record<string, z.ZodType> {
  return Object.fromEntries(keys.map(key => [key, z.unknown().optional()]));
}

/**
 * A mapping (a JSON object). `strict` reports every field outside `shape` as not known (the
 * listing is bounded by `toProblems`), naming the known ones in the order of `listed`. The fields
 * are checked in the order of `shape`.
 *
 * @internal
 */
export function mapping<S extends Record<string, z.ZodType>>(
  shape: S,
  strict = true,
  listed: readonly string[] = Object.keys(shape),
) {
  const known = listed.join(', ');
  const mismatch = typeMessage('a mapping');
  const error = (issue: { code?: string; input?: unknown }) =>
    issue.code === 'unrecognized_keys'
      ? `is not a known field (expected one of: ${known})`
      : mismatch(issue);
  return strict
    ? z.strictObject(shape, { error })
    : z.looseObject(shape, { error });
}

/**
 * A mapping whose every value follows `value`, the fields outside `keys` included: they are
 * reported as not known and checked too.
 *
 * @internal
 */
export function mappingOf(keys: readonly string[], value: z.ZodType) {
  const known = keys.join(', ');
  return z
    .record(z.string(), value, { error: typeMessage('a mapping') })
    .superRefine(
      (map, ctx) => {
        const unknown = Object.keys(map).filter(key => !keys.includes(key));
        if (unknown.length > 0) {
          ctx.addIssue({
            code: 'unrecognized_keys',
            keys: unknown,
            message: `is not a known field (expected one of: ${known})`,
          });
        }
      },
      { when: payload => isPlainObject(payload.value) },
    );
}

/** A mapping of any fields. */
export const anyMapping: z.ZodType<Record<string, unknown>> = mapping(
  {},
  false,
);

/** The message of a string longer than `maxLength`. */
export function lengthMessage(maxLength: number) {
  return (issue: { input?: unknown }) =>
    `is ${
      String(issue.input).length
    } characters long, at most ${maxLength} are allowed`;
}

const texts = new Map<number, z.ZodString>();

/**
 * A non-blank string of at most `maxLength` characters.
 *
 * @internal
 */
export function text(
  maxLength: number = INPUT_LIMITS.maxStringLength,
): z.ZodString {
  let schema = texts.get(maxLength);
  if (!schema) {
    schema = z
      .string({ error: typeMessage('a string') })
      .max(maxLength, { error: lengthMessage(maxLength), ...ifNoProblemYet })
      .refine(value => value.trim() !== '', {
        error: 'must not be empty',
        ...ifNoProblemYet,
      });
    texts.set(maxLength, schema);
  }
  return schema;
}

/** A boolean. */
export const flag = z.boolean({
  error: issue =>
    issue.input === undefined
      ? 'is required'
      : `must be true or false, got ${describeType(issue.input)}`,
});

function entriesMessage(maxItems: number) {
  return (issue: { input?: unknown }) =>
    `has ${
      Array.isArray(issue.input)
        ? issue.input.length
        : Object.keys(issue.input ?? {}).length
    } entries, at most ${maxItems} are allowed`;
}

/**
 * A list of at most `maxItems` entries; the entries are only checked (with `item`) when there are
 * not more.
 *
 * @internal
 */
export function list<T extends z.ZodType>(
  item: T,
  maxItems: number = INPUT_LIMITS.maxListItems,
) {
  return z
    .array(z.unknown(), { error: typeMessage('a list') })
    .max(maxItems, { error: entriesMessage(maxItems), ...ifNoProblemYet })
    .pipe(z.array(item));
}

/**
 * A mapping of at most {@link INPUT_LIMITS}.maxListItems string values, keys and values bounded
 * like strings.
 *
 * @internal
 */
export const stringMap = anyMapping
  .refine(map => Object.keys(map).length <= INPUT_LIMITS.maxListItems, {
    error: entriesMessage(INPUT_LIMITS.maxListItems),
    ...ifNoProblemYet,
  })
  .pipe(
    z.record(
      z.string().max(INPUT_LIMITS.maxStringLength, {
        error: issue =>
          `the key is ${String(issue.input).length} characters long, at most ${
            INPUT_LIMITS.maxStringLength
          } are allowed`,
      }),
      z
        .string({ error: typeMessage('a string') })
        .max(INPUT_LIMITS.maxStringLength, {
          error: lengthMessage(INPUT_LIMITS.maxStringLength),
        }),
    ),
  );

function jsonBytes(value: unknown): number | undefined {
  try {
    return new TextEncoder().encode(JSON.stringify(value)).length;
  } catch {
    return undefined;
  }
}

/**
 * A free-form mapping (`values`, `kcp`, `serviceOverrides`) of at most
 * {@link INPUT_LIMITS}.maxMappingJsonBytes bytes as JSON.
 *
 * @internal
 */
export const boundedMapping = anyMapping.superRefine((map, ctx) => {
  const size = jsonBytes(map);
  if (size === undefined) {
    ctx.addIssue({ code: 'custom', message: 'must be plain JSON data' });
  } else if (size > INPUT_LIMITS.maxMappingJsonBytes) {
    ctx.addIssue({
      code: 'custom',
      message: `is ${size} bytes as JSON, at most ${INPUT_LIMITS.maxMappingJsonBytes} are allowed`,
    });
  }
});

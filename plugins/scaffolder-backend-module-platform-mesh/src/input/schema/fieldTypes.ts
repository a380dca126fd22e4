import {
  INPUT_LIMITS,
  truncateForMessage,
} from '@platform-mesh-backstage/plugin-platform-mesh-common/alpha';
import { z } from 'zod/v3';

/**
 * The field types of the action input as zod schemas. An absent value (`undefined`, `null`, `''`)
 * is missing. The message of a type issue is the expected type as the messages name it
 * (`a string`, `a list of strings`); `toProblems` turns it into `must be <it>, got <the type>`.
 */

/** Whether an input value counts as not given. */
export const isAbsent = (value: unknown) =>
  value === undefined || value === null || value === '';

const absentAsUndefined = (value: unknown) =>
  isAbsent(value) ? undefined : value;

/** An optional field: absent is `undefined`. */
export const optional = <T extends z.ZodTypeAny>(schema: T) =>
  z.preprocess(absentAsUndefined, schema.optional());

/** A required field: absent is `is required`. */
export const required = <T extends z.ZodTypeAny>(schema: T) =>
  z.preprocess(absentAsUndefined, schema);

/** A string of at most `max` characters (default `INPUT_LIMITS.maxStringLength`). */
export const text = (max: number = INPUT_LIMITS.maxStringLength) =>
  z
    .string({ invalid_type_error: 'a string', required_error: 'is required' })
    .max(max);

/**
 * A list of strings: the type first (every item a string), then at most
 * `INPUT_LIMITS.maxListItems` items, then each item at most `maxStringLength` characters.
 */
export const textList = (max: number = INPUT_LIMITS.maxStringLength) =>
  z
    .array(z.unknown(), { invalid_type_error: 'a list of strings' })
    .superRefine((list, ctx) => {
      if (!list.every(item => typeof item === 'string')) {
        ctx.addIssue({
          code: z.ZodIssueCode.invalid_type,
          expected: 'array',
          received: 'array',
          message: 'a list of strings',
        });
      } else if (list.length > INPUT_LIMITS.maxListItems) {
        ctx.addIssue({
          code: z.ZodIssueCode.too_big,
          type: 'array',
          maximum: INPUT_LIMITS.maxListItems,
          inclusive: true,
          message: 'too many entries',
        });
      }
    })
    .pipe(z.array(text(max)));

/** A mapping (a plain object). */
export const mapping = () =>
  z.record(z.unknown(), { invalid_type_error: 'a mapping' });

/**
 * A number from `min` to `max`, an integer unless `integer` is false. `NaN` and infinities are
 * out of range (not a type error), as the message says.
 */
export const numberIn = (bounds: {
  min: number;
  max: number;
  integer?: boolean;
}) => {
  const integer = bounds.integer ?? true;
  return z.unknown().superRefine((value, ctx) => {
    if (typeof value !== 'number') {
      ctx.addIssue({
        code: z.ZodIssueCode.invalid_type,
        expected: 'number',
        received: z.getParsedType(value),
        message: 'a number',
      });
    } else if (
      !Number.isFinite(value) ||
      (integer && !Number.isInteger(value)) ||
      value < bounds.min ||
      value > bounds.max
    ) {
      ctx.addIssue({
        code: z.ZodIssueCode.custom,
        message: `must be ${integer ? 'an integer' : 'a number'} from ${
          bounds.min
        } to ${bounds.max}, got ${truncateForMessage(String(value))}`,
      });
    }
  }) as unknown as z.ZodType<number>;
};

/**
 * One input field: its `shape` (type and size limits; absent is `undefined`) and the domain
 * `rule` its value must follow once it has the shape (a known target, an enum, an entity ref),
 * which may also normalize it.
 */
export interface FieldSchema<T = unknown, U = T> {
  shape: z.ZodType<T, z.ZodTypeDef, unknown>;
  rule?: z.ZodType<U, z.ZodTypeDef, T>;
}

/**
 * A field of `shape` and, if given, the rule `check` (run on a given value of that shape only; it
 * adds its issues to `ctx` and returns the value it accepts).
 */
export function field<T>(
  shape: z.ZodType<T, z.ZodTypeDef, unknown>,
): FieldSchema<T, T>;
export function field<T, U>(
  shape: z.ZodType<T, z.ZodTypeDef, unknown>,
  check: (value: NonNullable<T>, ctx: z.RefinementCtx) => U,
): FieldSchema<T, U | Extract<T, undefined>>;
export function field<T, U>(
  shape: z.ZodType<T, z.ZodTypeDef, unknown>,
  check?: (value: NonNullable<T>, ctx: z.RefinementCtx) => U,
): FieldSchema<T, unknown> {
  if (!check) return { shape };
  return {
    shape,
    rule: z
      .custom<T>(() => true)
      .transform((value, ctx) =>
        value === undefined || value === null
          ? (value as Extract<T, undefined>)
          : check(value as NonNullable<T>, ctx),
      ),
  };
}

/** The field as one schema: the shape, then the rule. */
export const fieldSchema = <T, U>(
  schema: FieldSchema<T, U>,
): z.ZodType<U, z.ZodTypeDef, unknown> =>
  schema.rule
    ? schema.shape.pipe(schema.rule)
    : (schema.shape as unknown as z.ZodType<U, z.ZodTypeDef, unknown>);

/**
 * A field as the object's refinements see it: whether a value was given, the value if it has the
 * field's shape (`typed`), and the value if it also follows the field's rule (`value`).
 */
export interface Field<T, U = T> {
  given: boolean;
  typed?: T;
  value?: U;
}

function report(issues: z.ZodIssue[], ctx: z.RefinementCtx) {
  for (const issue of issues) {
    // A nested fatal issue would abort the object and skip its refinements.
    const { fatal: _fatal, ...rest } = issue as z.ZodIssue & {
      fatal?: boolean;
    };
    ctx.addIssue(rest as z.IssueData);
  }
}

/**
 * The field made lenient: its issues are reported, but they do not stop the object's refinements
 * (zod skips those when a field has the wrong type); the refinements see a {@link Field}.
 */
export const lenient = <T, U>(schema: FieldSchema<T, U>) =>
  z.unknown().transform((raw, ctx): Field<T, U> => {
    const given = !isAbsent(raw);
    const typed = schema.shape.safeParse(raw);
    if (!typed.success) {
      report(typed.error.issues, ctx);
      return { given };
    }
    if (!schema.rule) {
      return { given, typed: typed.data, value: typed.data as unknown as U };
    }
    const checked = schema.rule.safeParse(typed.data);
    if (!checked.success) {
      report(checked.error.issues, ctx);
      return { given, typed: typed.data };
    }
    return { given, typed: typed.data, value: checked.data };
  });

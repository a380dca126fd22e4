import { INPUT_LIMITS } from '@platform-mesh-backstage/plugin-platform-mesh-common/alpha';
import { z } from 'zod/v3';
import type { Problem } from './inputProblems';
import {
  mapping,
  numberIn,
  optional,
  required,
  text,
  textList,
} from './schema/fieldTypes';
import { toProblems } from './schema/issueProblems';

type Raw = Record<string, unknown>;

/** The field types {@link readField} checks. */
type FieldType = 'string' | 'boolean' | 'object' | 'string[]';

const shapes: Record<FieldType, (maxLength: number) => z.ZodTypeAny> = {
  string: maxLength => text(maxLength),
  boolean: () => z.boolean({ invalid_type_error: 'a boolean' }),
  object: () => mapping(),
  'string[]': maxLength => textList(maxLength),
};

/**
 * Parses one input field with `schema` (absent values made `undefined` by it) and reports every
 * issue through the setup input's issue mapper, named by the field.
 */
function parseField<T>(
  raw: Raw,
  name: string,
  schema: z.ZodTypeAny,
  problems: Problem[],
): T | undefined {
  const result = z.object({ [name]: schema }).safeParse({ [name]: raw[name] });
  if (!result.success) {
    problems.push(...toProblems(result.error.issues, raw));
    return undefined;
  }
  return result.data[name] as T | undefined;
}

/**
 * Reads one input field with a type check (a zod schema of `schema/fieldTypes`); undefined (and a
 * problem) when it has the wrong type. Absent (`undefined`, `null`, `''`) is not given. Strings
 * are at most `maxLength` characters (default `INPUT_LIMITS.maxStringLength`); string lists at most
 * `INPUT_LIMITS.maxListItems` entries of at most `maxLength` characters. Never echoes the value.
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
  const shape = shapes[type](options.maxLength ?? INPUT_LIMITS.maxStringLength);
  return parseField<T>(
    raw,
    name,
    options.required ? required(shape) : optional(shape),
    problems,
  );
}

/**
 * Reads a number field: a finite number from `min` to `max`, an integer unless `integer` is false
 * (`numberIn` of `schema/fieldTypes`). Undefined (and a problem) otherwise.
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
  return parseField<number>(raw, name, optional(numberIn(bounds)), problems);
}

import type { JsonValue } from '@backstage/types';
import type { z as zod } from 'zod/v3';

type Z = typeof zod;

/**
 * Whether a value is JSON (what a template can pass): `null`, a string, a finite number, a
 * boolean, or an array or plain object of JSON values (`undefined` allowed as an object's value,
 * as in `JsonObject`).
 *
 * @param value - the value to check
 * @internal
 */
export function isJsonValue(value: unknown): value is JsonValue {
  if (value === null) return true;
  switch (typeof value) {
    case 'string':
    case 'boolean':
      return true;
    case 'number':
      return Number.isFinite(value);
    case 'object':
      if (Array.isArray(value)) return value.every(isJsonValue);
      if (Object.getPrototypeOf(value) !== Object.prototype) {
        return Object.getPrototypeOf(value) === null && isJsonRecord(value);
      }
      return isJsonRecord(value);
    default:
      return false;
  }
}

function isJsonRecord(value: object): boolean {
  return Object.values(value).every(v => v === undefined || isJsonValue(v));
}

/**
 * A zod schema for any JSON value. Typed `JsonValue`, not `unknown`, so that action input and
 * output types built with it satisfy the `JsonObject` constraint of `TemplateAction` in the
 * published declarations (`z.unknown()` makes them `Record<string, unknown>`, which does not).
 * Its JSON Schema is `{}`, as `z.unknown()`'s.
 *
 * @param z - the zod the scaffolder passes to schema builders
 * @internal
 */
export const jsonValue = (z: Z): zod.ZodType<JsonValue> =>
  z.custom<JsonValue>(isJsonValue, { message: 'Expected a JSON value' });

/**
 * A zod schema for a JSON object with any keys (`Record<string, JsonValue>`, which satisfies
 * `JsonObject`).
 *
 * @param z - the zod the scaffolder passes to schema builders
 * @param params - the description and other zod parameters of the record
 * @internal
 */
export const jsonRecord = (
  z: Z,
  params?: { description?: string },
): zod.ZodType<Record<string, JsonValue>> => z.record(jsonValue(z), params);

import { z } from 'zod/v3';
import type { Problem } from '../inputProblems';
import { crossFieldRules, type CrossFields } from './crossFieldRules';
import { kubeconfigSecretsRules, secretNamesRules } from './entryRules';
import {
  fieldSchema,
  lenient,
  type Field,
  type FieldSchema,
} from './fieldTypes';
import { toProblems } from './issueProblems';
import {
  setupFields,
  type SetupFieldsContext,
  type SetupFieldValues,
} from './setupFields';

/** What the setup input schema depends on besides the input. */
interface SetupInputContext extends SetupFieldsContext {
  /**
   * Whether the `kubeconfigSecrets` entries are checked with `credentials: secrets` (they are
   * when the task secrets are read).
   */
  checkKubeconfigSecrets: boolean;
}

type Fields = ReturnType<typeof setupFields>;
type LenientFields = {
  [K in keyof Fields]: Fields[K] extends FieldSchema<infer T, infer U>
    ? Field<T, U>
    : never;
};

/**
 * The one schema of the input fields render and apply share: each field's type, limits and
 * domain rules (`setupFields`), then the rules between fields and the entries of `secretNames`
 * and `kubeconfigSecrets`, so that every problem is found in one pass.
 *
 * @param context - the configured targets and the defaults of the action
 * @param fields - the field schemas (`setupFields(context)`)
 */
export function setupInputSchema(
  context: SetupInputContext,
  fields: Fields = setupFields(context),
) {
  const shape = Object.fromEntries(
    Object.entries(fields).map(([name, schema]) => [
      name,
      lenient(schema as FieldSchema<unknown, unknown>),
    ]),
  ) as unknown as {
    [K in keyof Fields]: z.ZodType<LenientFields[K], z.ZodTypeDef, unknown>;
  };
  return z
    .object(shape, { invalid_type_error: 'a mapping' })
    .superRefine((input, ctx) => {
      const values = input as LenientFields;
      crossFieldRules(values as unknown as CrossFields, ctx);
      const kubeconfigSecrets = values.kubeconfigSecrets.typed;
      if (
        kubeconfigSecrets &&
        context.checkKubeconfigSecrets &&
        values.credentials.typed === 'secrets' &&
        values.target.value
      ) {
        kubeconfigSecretsRules(kubeconfigSecrets, ctx);
      }
      const secretNames = values.secretNames.typed;
      if (secretNames) secretNamesRules(secretNames, ctx);
    })
    .transform(input => fieldValues(input as LenientFields));
}

function fieldValues(fields: LenientFields): SetupFieldValues {
  return Object.fromEntries(
    Object.entries(fields).map(([name, field]) => [name, field.value]),
  ) as SetupFieldValues;
}

/**
 * Checks the input with {@link setupInputSchema}: its problems, each named by its input field,
 * and the values of the fields that passed (for the checks that follow, so a bad field does not
 * hide the problems of the others). `input` is the only problem when the input is no mapping.
 *
 * @param raw - the action input
 * @param context - the configured targets and the defaults of the action
 */
export function parseSetupInput(
  raw: unknown,
  context: SetupInputContext,
): { values: SetupFieldValues; problems: Problem[] } {
  const fields = setupFields(context);
  const result = setupInputSchema(context, fields).safeParse(raw);
  if (result.success) return { values: result.data, problems: [] };
  const problems = toProblems(result.error.issues, raw);
  const values: Record<string, unknown> = {};
  if (typeof raw === 'object' && raw !== null && !Array.isArray(raw)) {
    for (const [name, schema] of Object.entries(fields)) {
      const field = fieldSchema(
        schema as FieldSchema<unknown, unknown>,
      ).safeParse((raw as Record<string, unknown>)[name]);
      if (field.success) values[name] = field.data;
    }
  }
  return { values: values as SetupFieldValues, problems };
}

import { INPUT_LIMITS } from '@platform-mesh-backstage/plugin-platform-mesh-common/alpha';
import { z } from 'zod/v3';
import { describeType, isObject } from '../valueKinds';
import { KUBECONFIG_SECRET_KEYS, SECRET_NAME_KEYS } from './inputOptions';

const problem = (ctx: z.RefinementCtx, path: string[], message: string) =>
  ctx.addIssue({ code: z.ZodIssueCode.custom, path, message });

/**
 * `kubeconfigSecrets`: known kubeconfigs only, each naming a task secret. Never quotes a value.
 */
export function kubeconfigSecretsRules(
  value: Record<string, unknown>,
  ctx: z.RefinementCtx,
) {
  for (const [key, name] of Object.entries(value)) {
    if (!KUBECONFIG_SECRET_KEYS.includes(key)) {
      problem(
        ctx,
        ['kubeconfigSecrets', key],
        `is not a kubeconfig of the setup (${KUBECONFIG_SECRET_KEYS.join(
          ', ',
        )})`,
      );
    } else if (
      typeof name !== 'string' ||
      !name ||
      name.length > INPUT_LIMITS.maxStringLength
    ) {
      problem(
        ctx,
        ['kubeconfigSecrets', key],
        `must name a task secret (at most ${INPUT_LIMITS.maxStringLength} characters)`,
      );
    }
  }
}

/**
 * `secretNames`: the Secrets of the setup only (the first unknown keys are named, the rest
 * counted), each a mapping.
 */
export function secretNamesRules(
  value: Record<string, unknown>,
  ctx: z.RefinementCtx,
) {
  const unknown: string[] = [];
  for (const [key, entry] of Object.entries(value)) {
    if (!SECRET_NAME_KEYS.includes(key)) {
      unknown.push(key);
    } else if (!isObject(entry)) {
      problem(
        ctx,
        ['secretNames', key],
        `must be a mapping, got ${describeType(entry)}`,
      );
    }
  }
  const listed = unknown.slice(0, INPUT_LIMITS.maxUnknownFieldsListed);
  for (const key of listed) {
    problem(
      ctx,
      ['secretNames', key],
      `is not a Secret of the setup (expected one of: ${SECRET_NAME_KEYS.join(
        ', ',
      )})`,
    );
  }
  if (unknown.length > listed.length) {
    problem(
      ctx,
      ['secretNames'],
      `has ${unknown.length - listed.length} more unknown keys`,
    );
  }
}

/** The valid `secretNames` entries. */
export function secretNameEntries(
  value: Record<string, unknown> | undefined,
): Record<string, Record<string, unknown>> {
  return Object.fromEntries(
    Object.entries(value ?? {}).filter(
      (entry): entry is [string, Record<string, unknown>] =>
        SECRET_NAME_KEYS.includes(entry[0]) && isObject(entry[1]),
    ),
  );
}

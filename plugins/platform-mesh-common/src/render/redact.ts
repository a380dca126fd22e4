import { cloneJson, isPlainObject } from '../profile/deepMerge';

/**
 * The text that replaces Secret values in redacted copies.
 */
export const REDACTED = '<redacted>';

function redactSecretData(target: Record<string, unknown>, field: string) {
  const data = target[field];
  if (isPlainObject(data)) {
    for (const key of Object.keys(data)) {
      data[key] = REDACTED;
    }
  }
}

function redactInPlace(value: unknown): void {
  if (!isPlainObject(value)) return;
  if (value.kind === 'Secret') {
    redactSecretData(value, 'data');
    redactSecretData(value, 'stringData');
  }
  if (Array.isArray(value.items)) {
    value.items.forEach(redactInPlace);
  }
}

/**
 * A deep copy of an object in which every value of a Secret's `data` and `stringData` is replaced
 * by `<redacted>` (keys stay, so diffs still show which keys change). Items of a `List` are
 * redacted too. For dry-run diffs and task logs.
 *
 * @param object - any Kubernetes object
 */
export function redactObject<T>(object: T): T {
  const copy = cloneJson(object);
  redactInPlace(copy);
  return copy;
}

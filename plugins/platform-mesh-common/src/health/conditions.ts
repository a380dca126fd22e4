import type { Condition, KubernetesObject } from '../types/kubernetes';

/**
 * Reads `status.conditions` of any object; an absent or malformed list reads as empty.
 *
 * @param obj - the object to read
 * @public
 */
export function getConditions(obj: KubernetesObject): Condition[] {
  const status = obj.status as { conditions?: unknown } | undefined;
  return Array.isArray(status?.conditions)
    ? (status!.conditions as Condition[])
    : [];
}

/**
 * Finds the condition of the given type on an object.
 *
 * @param obj - the object to read
 * @param type - the condition type, e.g. `Ready`
 * @public
 */
export function findCondition(
  obj: KubernetesObject,
  type: string,
): Condition | undefined {
  return getConditions(obj).find(c => c.type === type);
}

/**
 * True when the object has the condition with status `True`.
 *
 * @param obj - the object to read
 * @param type - the condition type
 * @public
 */
export function isConditionTrue(obj: KubernetesObject, type: string): boolean {
  return findCondition(obj, type)?.status === 'True';
}

/**
 * The generation the object's status describes: the Ready condition's `observedGeneration` when it
 * has one, otherwise `status.observedGeneration`.
 *
 * Flux writes `status.observedGeneration` only when an object is Ready or Stalled, but stamps every
 * condition with the generation it evaluated. The Ready condition's value therefore tells whether a
 * failing-and-retrying object's Ready=False is about the current spec; the top-level field alone
 * would make every retrying failure after a spec change look "progressing" forever.
 *
 * @param obj - the object to read
 * @public
 */
export function observedGenerationOf(
  obj: KubernetesObject,
): number | undefined {
  const ready = findCondition(obj, 'Ready');
  if (typeof ready?.observedGeneration === 'number') {
    return ready.observedGeneration;
  }
  const status = obj.status as { observedGeneration?: unknown } | undefined;
  return typeof status?.observedGeneration === 'number'
    ? status.observedGeneration
    : undefined;
}

/**
 * True when the object's status describes an older spec than `metadata.generation`. Objects without
 * a generation, or whose status carries no observed generation, are not "behind" by this test.
 *
 * @param obj - the object to read
 * @public
 */
export function isGenerationBehind(obj: KubernetesObject): boolean {
  const generation = obj.metadata.generation;
  const observed = observedGenerationOf(obj);
  return (
    typeof generation === 'number' &&
    typeof observed === 'number' &&
    observed < generation
  );
}

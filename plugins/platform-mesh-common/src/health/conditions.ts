import type { Condition, KubernetesObject } from '../types/kubernetes';
import {
  boundedText,
  finiteNumber,
  isRecord,
  MAX_STATUS_TEXT_LENGTH,
} from './text';

/** metav1.Condition allows 316 characters for a type. */
const MAX_CONDITION_TYPE_LENGTH = 316;

const CONDITION_STATUSES: ReadonlySet<string> = new Set([
  'True',
  'False',
  'Unknown',
]);

function isText(value: unknown): boolean {
  return (
    value === undefined ||
    (typeof value === 'string' && value.length <= MAX_STATUS_TEXT_LENGTH)
  );
}

function hasType(c: unknown): c is Record<string, any> {
  return (
    isRecord(c) &&
    typeof c.type === 'string' &&
    c.type.length > 0 &&
    c.type.length <= MAX_CONDITION_TYPE_LENGTH
  );
}

function isWellFormedCondition(c: unknown): boolean {
  if (!hasType(c)) return false;
  return (
    CONDITION_STATUSES.has(c.status) &&
    isText(c.reason) &&
    isText(c.message) &&
    isText(c.lastTransitionTime) &&
    (c.observedGeneration === undefined ||
      finiteNumber(c.observedGeneration) !== undefined)
  );
}

function repairCondition(c: Record<string, any>): Condition {
  const reason = boundedText(c.reason);
  const message = boundedText(c.message);
  const lastTransitionTime = boundedText(c.lastTransitionTime);
  const observedGeneration = finiteNumber(c.observedGeneration);
  return {
    type: c.type,
    status: CONDITION_STATUSES.has(c.status) ? c.status : 'Unknown',
    ...(reason !== undefined ? { reason } : {}),
    ...(message !== undefined ? { message } : {}),
    ...(lastTransitionTime !== undefined ? { lastTransitionTime } : {}),
    ...(observedGeneration !== undefined ? { observedGeneration } : {}),
  } as Condition;
}

/**
 * Reads `status.conditions` of any object; an absent or malformed list reads as empty. Entries
 * that are not objects or have no string `type` are skipped; in the others a `status` other than
 * `True`/`False`/`Unknown` reads as `Unknown`, fields of the wrong type are left out and messages
 * (and reasons) are cut to {@link MAX_STATUS_TEXT_LENGTH}. A well-formed list is returned as it is.
 *
 * @param obj - the object to read
 */
export function getConditions(obj: KubernetesObject): Condition[] {
  const status = isRecord(obj) ? (obj.status as unknown) : undefined;
  const conditions = isRecord(status) ? status.conditions : undefined;
  if (!Array.isArray(conditions)) return [];
  if (conditions.every(isWellFormedCondition)) {
    return conditions as Condition[];
  }
  return conditions.filter(hasType).map(repairCondition);
}

/**
 * Finds the condition of the given type on an object.
 *
 * @param obj - the object to read
 * @param type - the condition type, e.g. `Ready`
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
 */
function observedGenerationOf(obj: KubernetesObject): number | undefined {
  const ready = findCondition(obj, 'Ready');
  if (typeof ready?.observedGeneration === 'number') {
    return ready.observedGeneration;
  }
  const status = isRecord(obj) ? (obj.status as unknown) : undefined;
  return isRecord(status) ? finiteNumber(status.observedGeneration) : undefined;
}

/**
 * True when the object's status describes an older spec than `metadata.generation`. Objects without
 * a generation, or whose status carries no observed generation, are not "behind" by this test.
 *
 * @param obj - the object to read
 */
export function isGenerationBehind(obj: KubernetesObject): boolean {
  const generation = finiteNumber(obj?.metadata?.generation);
  const observed = observedGenerationOf(obj);
  return (
    typeof generation === 'number' &&
    typeof observed === 'number' &&
    observed < generation
  );
}

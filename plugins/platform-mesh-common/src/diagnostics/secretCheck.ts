import type { InstanceSnapshot } from '../snapshot';
import type { SecretMetadata } from '../types/kubernetes';
import type { ClusterRole, Diagnostic, DiagnosticId } from '../types/status';
import { onCluster } from './text';

/** What a rule expects of one Secret, and how to explain it. */
interface SecretExpectation {
  id: DiagnosticId;
  role: ClusterRole;
  secrets: SecretMetadata[];
  name: string;
  namespace: string;
  /** Keys that satisfy the expectation; the first one is named in texts. */
  keys: string[];
  /** e.g. `Runtime kubeconfig Secret` */
  title: string;
  /** Sentence saying who uses the Secret and what breaks without it. */
  usage: string;
  /** What the key must hold, e.g. `the runtime cluster's kubeconfig`. */
  content: string;
  /** Sentence naming the Helm values or settings that name the Secret. */
  settings: string;
}

/** Finds a Secret by namespace and name. */
export function findSecret(
  secrets: SecretMetadata[],
  name: string,
  namespace: string,
): SecretMetadata | undefined {
  return secrets.find(s => s.name === name && s.namespace === namespace);
}

/** One finding when the Secret is missing or lacks its key, none when it is fine. */
export function checkSecret(
  snapshot: InstanceSnapshot,
  e: SecretExpectation,
): Diagnostic[] {
  const secret = findSecret(e.secrets, e.name, e.namespace);
  const key = e.keys[0];
  const where = `in namespace ${e.namespace} on ${onCluster(snapshot, e.role)}`;
  const create = `kubectl -n ${e.namespace} create secret generic ${e.name} --from-file=${key}=<file>`;
  if (!secret) {
    return [
      {
        id: e.id,
        severity: 'error',
        cluster: e.role,
        summary: `${e.title} ${e.name} is missing`,
        detail: `Secret ${e.name} ${where} does not exist. ${e.usage}`,
        hint: `Create the Secret ${e.name} ${where} with key ${key} holding ${e.content} (${create}). ${e.settings}`,
      },
    ];
  }
  if (!e.keys.some(k => secret.keys.includes(k))) {
    const has = secret.keys.length
      ? `has the keys ${secret.keys.join(', ')}`
      : 'has no keys';
    return [
      {
        id: e.id,
        severity: 'error',
        cluster: e.role,
        summary: `${e.title} ${e.name} has no key ${key}`,
        detail: `Secret ${e.name} ${where} ${has}, but not ${key}. ${e.usage}`,
        hint: `Add the key ${key} to the Secret ${e.name} ${where}, holding ${e.content}; or change the setting to the key that already holds it. ${e.settings}`,
      },
    ];
  }
  return [];
}

import type {
  ClusterClient,
  ResourceAccessAttributes,
} from '@platform-mesh-backstage/plugin-platform-mesh-node';
import { rulesAllow, type ResourceRule } from './accessRules';

/** The answer for one access: allowed or not, or the error of the review that was to tell. */
type AccessAnswer = { allowed: boolean } | { error: unknown };

interface NamespaceRules {
  rules: ResourceRule[];
  /** The server could not list every rule (e.g. a webhook authorizer): a denial must be asked. */
  incomplete: boolean;
}

async function rulesIn(
  client: ClusterClient,
  namespace: string,
  signal?: AbortSignal,
): Promise<NamespaceRules | undefined> {
  try {
    const review = await client.create<{
      status?: { resourceRules?: ResourceRule[]; incomplete?: boolean };
    }>(
      {
        apiVersion: 'authorization.k8s.io/v1',
        kind: 'SelfSubjectRulesReview',
        spec: { namespace },
      },
      { signal },
    );
    return {
      rules: review.status?.resourceRules ?? [],
      incomplete: review.status?.incomplete === true,
    };
  } catch {
    return undefined; // not served or not allowed: fall back to one access review per access
  }
}

/**
 * Answers whether our identity may do each of the accesses on one cluster, in few requests: one
 * SelfSubjectRulesReview per namespace the accesses touch, evaluated here as RBAC evaluates its
 * rules. A SelfSubjectAccessReview is sent only for what the rules cannot answer: cluster-wide
 * accesses, a namespace whose rules review failed, and a denial the server marked incomplete.
 *
 * @param client - the cluster's client (our identity)
 * @param accesses - the accesses, answered in the same order
 * @param signal - aborts the reviews
 * @internal
 */
export async function reviewAccesses(
  client: ClusterClient,
  accesses: ResourceAccessAttributes[],
  signal?: AbortSignal,
): Promise<AccessAnswer[]> {
  const namespaces = [
    ...new Set(accesses.map(a => a.namespace).filter((n): n is string => !!n)),
  ];
  const byNamespace = new Map<string, NamespaceRules | undefined>(
    await Promise.all(
      namespaces.map(
        async ns => [ns, await rulesIn(client, ns, signal)] as const,
      ),
    ),
  );
  const ask = async (attributes: ResourceAccessAttributes) => {
    try {
      const answer = await client.selfSubjectAccessReview(attributes, {
        signal,
      });
      return { allowed: answer.allowed };
    } catch (error) {
      return { error };
    }
  };
  const answers: AccessAnswer[] = new Array(accesses.length);
  const pending: number[] = [];
  accesses.forEach((attributes, index) => {
    const rules = attributes.namespace
      ? byNamespace.get(attributes.namespace)
      : undefined;
    if (!rules) {
      pending.push(index);
    } else if (rulesAllow(rules.rules, attributes)) {
      answers[index] = { allowed: true };
    } else if (rules.incomplete) {
      pending.push(index);
    } else {
      answers[index] = { allowed: false };
    }
  });
  // at most 8 reviews at a time
  for (let i = 0; i < pending.length; i += 8) {
    const batch = pending.slice(i, i + 8);
    const results = await Promise.all(batch.map(index => ask(accesses[index])));
    batch.forEach((index, j) => {
      answers[index] = results[j];
    });
  }
  return answers;
}

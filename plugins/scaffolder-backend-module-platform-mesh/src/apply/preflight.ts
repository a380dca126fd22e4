import {
  type ClusterErrorType,
  type ClusterRole,
  type KubernetesObject,
} from '@platform-mesh-backstage/plugin-platform-mesh-common';
import {
  describePlannedObject,
  type InstalledProviderConnectionForms,
} from '@platform-mesh-backstage/plugin-platform-mesh-common/alpha';
import {
  isClusterRequestError,
  type ClusterClient,
  type PlatformMeshClustersService,
  type ResolvedResource,
  type ResourceAccessAttributes,
  type ResourceTypeRef,
} from '@platform-mesh-backstage/plugin-platform-mesh-node';
import type { ServiceAccountRef } from '../credentials/serviceAccountRbac';
import { reviewAccesses } from './accessReview';
import { readInstalledFormsForPlan } from './crdSchemaForm';

/** One reason the apply cannot go ahead on a cluster. */
export interface PreflightProblem {
  /** The configured cluster name. */
  cluster: string;
  /** The roles the cluster plays for the setup. */
  roles: ClusterRole[];
  type: ClusterErrorType;
  message: string;
}

/** A resource type that must be served, and why. */
export interface RequiredType {
  cluster: string;
  type: ResourceTypeRef;
  /** e.g. `the PlatformMesh CRD (the operator's CRDs)`. */
  what: string;
  hint: string;
}

/** An access that is useful but not required; a denial is a warning. */
export interface OptionalAccess {
  cluster: string;
  attributes: ResourceAccessAttributes;
  /** What does not work without it. */
  without: string;
}

/** What the preflight checks. */
export interface PreflightInput {
  clusters: PlatformMeshClustersService;
  /** Every object the apply writes, with its cluster and role. */
  items: Array<{
    role: ClusterRole;
    cluster: string;
    object: KubernetesObject;
  }>;
  /** ServiceAccounts a token is minted for (`serviceaccounts/token` create). */
  tokenRequests: ServiceAccountRef[];
  requiredTypes: RequiredType[];
  optionalAccess: OptionalAccess[];
  signal?: AbortSignal;
}

/** The outcome: every problem on every cluster, and warnings. */
interface PreflightResult {
  ok: boolean;
  problems: PreflightProblem[];
  warnings: string[];
  /** The provider connection forms the runtime cluster's PlatformMesh CRD declares, when read. */
  providerConnectionForms?: InstalledProviderConnectionForms;
}

const FATAL: ClusterErrorType[] = ['unreachable', 'timeout', 'unauthorized'];

interface Check {
  attributes: ResourceAccessAttributes;
  /** What needs it, e.g. `runtime/PlatformMesh ns/name`. */
  neededFor: string;
}

function describeAccess(a: ResourceAccessAttributes): string {
  const resource = `${a.group ? `${a.resource}.${a.group}` : a.resource}${
    a.subresource ? `/${a.subresource}` : ''
  }`;
  return `${a.verb} ${resource}${a.name ? ` "${a.name}"` : ''}${
    a.namespace ? ` in namespace ${a.namespace}` : ' (cluster-wide)'
  }`;
}

/**
 * The accesses server-side apply needs for an object: `patch` on it and `create` in its namespace
 * (apply creates missing objects), plus `escalate` on a ClusterRole/Role it writes and `bind` on the
 * role a binding refers to (RBAC refuses to grant what the writer does not hold otherwise).
 */
function accessesFor(
  object: KubernetesObject,
  resolved: ResolvedResource,
): ResourceAccessAttributes[] {
  const namespace = resolved.namespaced ? object.metadata.namespace : undefined;
  const base = { group: resolved.group, resource: resolved.plural, namespace };
  const result: ResourceAccessAttributes[] = [
    { ...base, verb: 'patch', name: object.metadata.name },
    { ...base, verb: 'create' },
  ];
  const rbac = resolved.group === 'rbac.authorization.k8s.io';
  if (rbac && (object.kind === 'ClusterRole' || object.kind === 'Role')) {
    result.push({ ...base, verb: 'escalate', name: object.metadata.name });
  }
  if (
    rbac &&
    (object.kind === 'ClusterRoleBinding' || object.kind === 'RoleBinding')
  ) {
    const roleRef = (object as { roleRef?: { kind?: string; name?: string } })
      .roleRef;
    if (roleRef?.name) {
      result.push({
        verb: 'bind',
        group: 'rbac.authorization.k8s.io',
        resource: roleRef.kind === 'Role' ? 'roles' : 'clusterroles',
        namespace: roleRef.kind === 'Role' ? namespace : undefined,
        name: roleRef.name,
      });
    }
  }
  return result;
}

function problemFrom(error: unknown): {
  type: ClusterErrorType;
  message: string;
} {
  if (isClusterRequestError(error)) {
    return {
      type: error.clusterError.type,
      message: error.clusterError.message,
    };
  }
  // Never quote unknown errors: they could carry request details.
  return {
    type: 'unknown',
    message: `unexpected ${(error as Error)?.name ?? 'error'}`,
  };
}

async function checkCluster(
  cluster: string,
  client: ClusterClient,
  input: PreflightInput,
  roles: ClusterRole[],
): Promise<{ problems: PreflightProblem[]; warnings: string[] }> {
  const problems: PreflightProblem[] = [];
  const warnings: string[] = [];
  const add = (type: ClusterErrorType, message: string) =>
    problems.push({ cluster, roles, type, message });
  const signal = input.signal;

  // 1. Reachable, and the CRDs are installed (discovery).
  const resolvedKinds = new Map<string, ResolvedResource | undefined>();
  const kindKey = (t: ResourceTypeRef) =>
    'apiVersion' in t
      ? `${t.apiVersion}|${t.kind}`
      : `${t.group}/${t.version ?? ''}|${t.kind}`;
  const types: Array<{ type: ResourceTypeRef; required?: RequiredType }> = [
    ...input.requiredTypes
      .filter(r => r.cluster === cluster)
      .map(r => ({ type: r.type, required: r })),
    ...input.items
      .filter(i => i.cluster === cluster)
      .map(i => ({
        type: { apiVersion: i.object.apiVersion, kind: i.object.kind },
      })),
  ];
  for (const { type, required } of types) {
    const key = kindKey(type);
    if (resolvedKinds.has(key)) continue;
    try {
      // A required type is asked for anew: a CRD deleted (or installed) since the cache last
      // looked must not pass (or fail) the preflight for up to the discovery lifetime.
      resolvedKinds.set(
        key,
        await client.discovery.resolve(type, {
          signal,
          fresh: required !== undefined,
        }),
      );
    } catch (error) {
      resolvedKinds.set(key, undefined);
      const { type: errorType, message } = problemFrom(error);
      if (FATAL.includes(errorType)) {
        add(errorType, message);
        return { problems, warnings };
      }
      if (errorType === 'crd-missing') {
        add(
          'crd-missing',
          required
            ? `${required.what} is not installed (${message}); ${required.hint}`
            : `${type.kind} is not served (${message})`,
        );
      } else {
        add(errorType, message);
      }
    }
  }

  // 2. Our identity may do everything the apply does (SelfSubjectAccessReview).
  const checks: Check[] = [];
  for (const item of input.items.filter(i => i.cluster === cluster)) {
    const resolved = resolvedKinds.get(
      kindKey({ apiVersion: item.object.apiVersion, kind: item.object.kind }),
    );
    if (!resolved) continue;
    for (const attributes of accessesFor(item.object, resolved)) {
      checks.push({
        attributes,
        neededFor: describePlannedObject(item),
      });
    }
  }
  for (const sa of input.tokenRequests.filter(t => t.cluster === cluster)) {
    checks.push({
      attributes: {
        verb: 'create',
        group: '',
        resource: 'serviceaccounts',
        subresource: 'token',
        namespace: sa.namespace,
        name: sa.name,
      },
      neededFor: `a token for ServiceAccount ${sa.namespace}/${sa.name}`,
    });
  }
  const unique = new Map<string, Check[]>();
  for (const check of checks) {
    const key = JSON.stringify(check.attributes);
    unique.set(key, [...(unique.get(key) ?? []), check]);
  }
  // one rules review per namespace; access reviews only for what the rules cannot answer
  const groups = [...unique.values()];
  const optional = input.optionalAccess.filter(o => o.cluster === cluster);
  const answers = await reviewAccesses(
    client,
    [...groups.map(g => g[0].attributes), ...optional.map(o => o.attributes)],
    signal,
  );
  const reviews = groups.map((group, i) => {
    const answer = answers[i];
    return 'error' in answer
      ? { group, error: problemFrom(answer.error) }
      : { group, allowed: answer.allowed };
  });
  const reviewErrors = new Set<string>();
  for (const review of reviews) {
    if ('error' in review && review.error) {
      if (!reviewErrors.has(review.error.type)) {
        reviewErrors.add(review.error.type);
        add(review.error.type, `access review failed: ${review.error.message}`);
      }
    } else if (!review.allowed) {
      const needed = [...new Set(review.group.map(c => c.neededFor))];
      add(
        'forbidden',
        `may not ${describeAccess(
          review.group[0].attributes,
        )} (needed for ${needed.join(', ')})`,
      );
    }
  }

  // 3. Optional accesses: warnings.
  optional.forEach((access, i) => {
    const answer = answers[groups.length + i];
    // an error is reported above when the reviews themselves fail
    if ('allowed' in answer && !answer.allowed) {
      warnings.push(
        `cluster "${cluster}": may not ${describeAccess(access.attributes)}; ${
          access.without
        }`,
      );
    }
  });
  return { problems, warnings };
}

/**
 * Checks every cluster of the setup before anything is written, all clusters at once: reachable,
 * the CRDs installed (discovery), and a SelfSubjectAccessReview for every verb and resource the
 * apply needs. Returns every problem, typed per cluster; a cluster that cannot be reached gives one
 * problem and no further checks.
 *
 * @param input - the objects, token requests, required types and optional accesses
 */
export async function preflight(
  input: PreflightInput,
): Promise<PreflightResult> {
  const roles = new Map<string, Set<ClusterRole>>();
  const note = (cluster: string, role?: ClusterRole) => {
    const set = roles.get(cluster) ?? new Set<ClusterRole>();
    if (role) set.add(role);
    roles.set(cluster, set);
  };
  input.items.forEach(i => note(i.cluster, i.role));
  input.tokenRequests.forEach(t => note(t.cluster, t.role));
  input.requiredTypes.forEach(t => note(t.cluster));
  const order: ClusterRole[] = ['operator', 'runtime', 'infra'];
  const results = await Promise.all(
    [...roles.entries()].map(([cluster, set]) =>
      checkCluster(
        cluster,
        input.clusters.getClient(cluster),
        input,
        order.filter(r => set.has(r)),
      ),
    ),
  );
  const problems = results.flatMap(r => r.problems);
  // Which provider connection form the installed PlatformMesh CRD takes (a warning when unreadable).
  const schema = problems.length
    ? undefined
    : await readInstalledFormsForPlan(input);
  return {
    ok: problems.length === 0,
    problems,
    warnings: [
      ...results.flatMap(r => r.warnings),
      ...(schema?.warning ? [schema.warning] : []),
    ],
    providerConnectionForms: schema?.forms,
  };
}

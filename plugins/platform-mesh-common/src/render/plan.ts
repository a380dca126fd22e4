import { formatInstanceRef } from '../annotation';
import { RENDERED_OBJECT_LABELS } from './labels';
import type { KubernetesObject, Secret } from '../types/kubernetes';
import type { PlatformMeshSetup } from '../types/setup';
import type { ClusterRole } from '../types/status';
import { SetupValidationError } from '../validation/SetupValidationError';
import { validateSetup } from '../validation/validateSetup';
import { renderOperatorHelmValues } from './helmValues';
import { renderSetupSecret } from './kubeconfigSecrets';
import { renderPlatformMesh } from './platformMesh';
import { renderProfile } from './profile';
import { renderProfileConfigMap } from './profileConfigMap';
import { resolveSetup } from './resolveSetup';
import { describeSetupSecrets } from './setupSecrets';
import { sha256Hex } from './sha256';
import { stringify } from 'yaml';
import type {
  PlannedObject,
  RenderPlan,
  RequiredSecret,
  SetupSecret,
} from './types';

/**
 * Options of {@link renderPlan}.
 *
 * @alpha
 */
export interface RenderPlanOptions {
  /**
   * The profile hash written to the PlatformMesh annotation: by default the SHA-256 of the rendered
   * profile; a string to use a hash computed elsewhere; `false` to write no annotation.
   */
  profileHash?: string | false;
  /**
   * Annotations written on the PlatformMesh besides the profile hash, e.g. the catalog owner
   * (`PLATFORM_MESH_OWNER_ANNOTATION`) and source template the template recorded. Never put
   * credentials here.
   */
  annotations?: Record<string, string>;
}

type Draft = Omit<PlannedObject, 'order'>;

function objectId(cluster: string, object: KubernetesObject): string {
  const { kind, metadata } = object;
  return `${cluster}|${kind}|${metadata.namespace ?? ''}|${metadata.name}`;
}

function secretId(secret: SetupSecret): string {
  return `${secret.cluster}|Secret|${secret.namespace}|${secret.name}`;
}

function toRequiredSecret(secret: SetupSecret): RequiredSecret {
  const required: RequiredSecret & { rendered?: boolean } = { ...secret };
  delete required.rendered;
  return required;
}

/**
 * A Namespace with the project's label: a Namespace applied with only its name has no field owned
 * by our manager, and the API server then re-records it on the next apply, so a re-run would report
 * it `configured` instead of `unchanged`.
 */
function namespaceObject(name: string): KubernetesObject {
  return {
    apiVersion: 'v1',
    kind: 'Namespace',
    metadata: { name, labels: { ...RENDERED_OBJECT_LABELS } },
  };
}

/**
 * Renders everything a setup needs, in a stable apply order:
 *
 * 1. Namespaces: the operator namespace on the operator cluster, the instance namespace on the
 *    runtime and on the infra cluster (and the profile ConfigMap's namespace when different), one
 *    per cluster and name;
 * 2. Secrets on the operator cluster; 3. Secrets on the infra cluster;
 * 4. the profile ConfigMap (runtime); 5. the PlatformMesh (runtime), last.
 *
 * Secrets whose kubeconfig source is absent are not rendered but listed in `requiredSecrets`.
 * Throws `SetupValidationError` when the setup is invalid.
 *
 * @param setup - the setup
 * @param options - profile hash handling
 * @alpha
 */
export function renderPlan(
  setup: PlatformMeshSetup,
  options: RenderPlanOptions = {},
): RenderPlan {
  const validation = validateSetup(setup);
  if (!validation.ok) {
    throw new SetupValidationError(validation.problems);
  }
  const resolved = resolveSetup(validation.value);
  const { clusters, instance } = resolved;
  const drafts: Draft[] = [];
  const seen = new Set<string>();
  const add = (draft: Draft) => {
    const id = objectId(draft.cluster, draft.object);
    if (seen.has(id)) return;
    seen.add(id);
    drafts.push(draft);
  };

  const namespaces: Array<[ClusterRole, string, string, string]> = [
    [
      'operator',
      clusters.operator,
      resolved.operatorNamespace,
      'operator namespace',
    ],
    [
      'runtime',
      clusters.runtime,
      instance.namespace,
      'instance namespace (PlatformMesh)',
    ],
    [
      'infra',
      clusters.infra,
      instance.namespace,
      'instance namespace (HelmReleases/Applications)',
    ],
    [
      'runtime',
      clusters.runtime,
      resolved.profileConfigMap.namespace,
      'profile ConfigMap namespace',
    ],
  ];
  for (const [role, cluster, name, description] of namespaces) {
    add({
      role,
      cluster,
      object: namespaceObject(name),
      sensitive: false,
      description,
    });
  }

  const secrets = describeSetupSecrets(resolved);
  for (const role of ['operator', 'infra'] as const) {
    for (const descriptor of secrets.filter(s => s.role === role)) {
      const secret: Secret | undefined = renderSetupSecret(
        resolved,
        descriptor,
      );
      if (secret) {
        add({
          role,
          cluster: descriptor.cluster,
          object: secret,
          sensitive: true,
          description: descriptor.purpose,
        });
      }
    }
  }

  const profileYaml = renderProfile(resolved.setup);
  const profileHash =
    options.profileHash === false
      ? undefined
      : options.profileHash ?? sha256Hex(profileYaml);
  add({
    role: 'runtime',
    cluster: clusters.runtime,
    object: renderProfileConfigMap(resolved.setup, profileYaml),
    sensitive: false,
    description: 'profile ConfigMap read by the operator',
  });
  add({
    role: 'runtime',
    cluster: clusters.runtime,
    object: renderPlatformMesh(resolved.setup, {
      profileHash,
      annotations: options.annotations,
    }),
    sensitive: false,
    description: 'PlatformMesh instance',
  });

  const helmValues = renderOperatorHelmValues(resolved.setup);
  const instanceRef = {
    target: resolved.setup.target.name,
    namespace: instance.namespace,
    name: instance.name,
  };
  return {
    objects: drafts.map((draft, index) => ({ ...draft, order: index + 1 })),
    // A Secret that another descriptor renders under the same identity (e.g. one Secret shared by
    // the operator and Flux when Operator == Infra) is not required.
    requiredSecrets: secrets
      .filter(s => !s.rendered && !seen.has(secretId(s)))
      .map(toRequiredSecret),
    helmValues,
    helmValuesYaml: stringify(helmValues),
    annotation: formatInstanceRef(instanceRef),
    instanceRef,
    profileYaml,
    ...(profileHash ? { profileHash } : {}),
  };
}

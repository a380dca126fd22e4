/**
 * Which container of an operator pod holds the operator's log. Pure: works on the Pod object as
 * listed from the cluster.
 */

/**
 * Label selector of the operator pods: the upstream chart (platform-mesh-operator 0.35) labels
 * them `app: <release>-platform-mesh-operator`, which is `app: platform-mesh-operator` when the
 * release name contains the chart name (the documented install).
 *
 * @alpha
 */
export const DEFAULT_OPERATOR_POD_SELECTOR = 'app=platform-mesh-operator';

/**
 * Name of the operator's container in the upstream chart (the same entity name as the label).
 *
 * @alpha
 */
export const DEFAULT_OPERATOR_CONTAINER = 'platform-mesh-operator';

/**
 * Containers that service meshes, secret injectors and proxies add next to an application
 * container. The operator chart adds `istio-proxy` itself when Istio is enabled.
 */
const KNOWN_SIDECAR_CONTAINERS: readonly string[] = [
  'istio-proxy',
  'istio-init',
  'linkerd-proxy',
  'linkerd-init',
  'envoy',
  'envoy-sidecar',
  'vault-agent',
  'vault-agent-init',
  'cloud-sql-proxy',
  'oauth2-proxy',
  'kube-rbac-proxy',
];

/** kubectl's annotation naming a pod's default container (Istio sets it when it injects). */
const DEFAULT_CONTAINER_ANNOTATION = 'kubectl.kubernetes.io/default-container';

/**
 * The parts of a Pod that {@link selectOperatorContainer} reads.
 *
 * @alpha
 */
export interface PodContainers {
  metadata?: { annotations?: Record<string, string> };
  spec?: { containers?: Array<{ name: string }> };
}

/**
 * The container to read the operator's log from: `preferred` (the configured or the chart's
 * container name) when the pod has it, else the container named by the
 * `kubectl.kubernetes.io/default-container` annotation, else the first container that is not a
 * known sidecar, else the first container. `undefined` when the pod lists no containers (the API
 * server then picks the only one).
 *
 * @param pod - the Pod as listed
 * @param preferred - the container name to prefer
 * @alpha
 */
export function selectOperatorContainer(
  pod: PodContainers,
  preferred: string = DEFAULT_OPERATOR_CONTAINER,
): string | undefined {
  const names = (pod.spec?.containers ?? [])
    .map(c => c?.name)
    .filter((n): n is string => typeof n === 'string' && n.length > 0);
  if (names.length === 0) return undefined;
  if (names.includes(preferred)) return preferred;
  const annotated = pod.metadata?.annotations?.[DEFAULT_CONTAINER_ANNOTATION];
  if (annotated && names.includes(annotated)) return annotated;
  return names.find(n => !KNOWN_SIDECAR_CONTAINERS.includes(n)) ?? names[0];
}

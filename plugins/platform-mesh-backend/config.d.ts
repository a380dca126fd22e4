export interface Config {
  /**
   * Platform Mesh for Backstage (the clusters and targets are described by the `-node` package).
   * @visibility backend
   */
  platformMesh?: {
    /**
     * Where the status backend finds the operator's logs (the operator-logs route).
     * @visibility backend
     */
    operatorLogs?: {
      /**
       * Label selector of the operator pods in the target's `operatorNamespace` on its operator
       * cluster. Defaults to `app=platform-mesh-operator`, the label of the upstream
       * platform-mesh-operator chart when the release name contains the chart name; a release
       * named otherwise is labelled `app=<release>-platform-mesh-operator`.
       * @visibility backend
       */
      labelSelector?: string;
      /**
       * The container whose log is read. Defaults to the chart's `platform-mesh-operator`; a pod
       * without it is read from its `kubectl.kubernetes.io/default-container`, else from its first
       * container that is not a known sidecar (such as `istio-proxy`, which the chart adds when
       * Istio is on).
       * @visibility backend
       */
      container?: string;
    };
    /**
     * Per target, what the Reconcile route (`POST /instances/:target/:namespace/:name/reconcile`)
     * may write with. The other keys of a target are described by the `-node` package.
     * @visibility backend
     */
    targets?: Array<{
      /**
       * The target's name (matches the `-node` package's `platformMesh.targets[].name`).
       * @visibility backend
       */
      name: string;
      /**
       * Enables Reconcile for this target. Without it (or without the role's entry) the route
       * answers 403 and names this key.
       * @visibility backend
       */
      reconcile?: {
        /**
         * Names of `platformMesh.clusters` entries whose credentials are the write identity: the
         * same API server URL as the target's cluster of that role, a different token, allowed
         * only to patch the reconcilable kinds (`examples/rbac/reconciler.yaml`). The status
         * reader stays read-only.
         * @visibility backend
         */
        clusters?: {
          /**
           * Write identity on the runtime cluster (touching the PlatformMesh).
           * @visibility backend
           */
          runtime?: string;
          /**
           * Write identity on the infra cluster (Flux objects, Argo CD Applications).
           * @visibility backend
           */
          infra?: string;
        };
      };
    }>;
  };
}

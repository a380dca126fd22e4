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
  };
}

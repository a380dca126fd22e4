export interface Config {
  /**
   * Platform Mesh for Backstage: the clusters it talks to and the targets (remote deployments) it
   * renders, applies and watches. Read by the backend plugin and the scaffolder module.
   * @visibility backend
   */
  platformMesh?: {
    /**
     * Kubernetes clusters this plugin may talk to. When absent, the cluster entries of the
     * Kubernetes plugin (`kubernetes.clusterLocatorMethods` with `type: config`) are used, so a
     * Backstage that already reaches its clusters needs no second copy of their credentials.
     * @visibility backend
     */
    clusters?: Array<{
      /**
       * Unique name of the cluster; targets refer to clusters by this name. Shown in the UI.
       * @visibility backend
       */
      name: string;
      /**
       * URL of the cluster's API server. Never sent to the browser. An `http://` URL is only
       * meant for loopback development servers.
       * @visibility backend
       */
      url: string;
      /**
       * How Backstage authenticates to this cluster: `serviceAccount` (a static bearer token from
       * `serviceAccountToken`) or the name of a credential provider registered through the
       * `platform-mesh.credentials` extension point. Defaults to `serviceAccount`.
       * @visibility backend
       */
      authProvider?: string;
      /**
       * Bearer token of the ServiceAccount Backstage uses on this cluster (required for
       * `authProvider: serviceAccount`). Never logged or returned.
       * @visibility secret
       */
      serviceAccountToken?: string;
      /**
       * Base64-encoded PEM bundle of the certificate authority that signed the API server's
       * serving certificate.
       * @visibility secret
       */
      caData?: string;
      /**
       * Path to a PEM file with the certificate authority of the API server (alternative to
       * `caData`).
       * @visibility backend
       */
      caFile?: string;
      /**
       * Skip verification of the API server's TLS certificate. Only for loopback development
       * servers; `http://` URLs imply it.
       * @visibility backend
       */
      skipTLSVerify?: boolean;
    }>;
    /**
     * Targets: each one names the clusters that play the operator, runtime and infra roles of one
     * remote Platform Mesh deployment.
     * @visibility backend
     */
    targets?: Array<{
      /**
       * Unique name of the target (a DNS label); the first part of the
       * `platform-mesh.io/instance` annotation value.
       * @visibility backend
       */
      name: string;
      /**
       * Name of the cluster the Platform Mesh operator runs on.
       * @visibility backend
       */
      operatorCluster: string;
      /**
       * Name of the cluster that holds the PlatformMesh resources and receives the workloads.
       * @visibility backend
       */
      runtimeCluster: string;
      /**
       * Name of the cluster where the FluxCD or Argo CD objects live. Defaults to the operator
       * cluster (Operator == Infra).
       * @visibility backend
       */
      infraCluster?: string;
      /**
       * How the operator deploys components on the infra cluster: `fluxcd` or `argocd`.
       * @visibility backend
       */
      deploymentTechnology: 'fluxcd' | 'argocd';
      /**
       * Default namespace of the PlatformMesh instances of this target. Defaults to
       * `platform-mesh-system`.
       * @visibility backend
       */
      namespace?: string;
      /**
       * Namespaces where instances of this target may live: names or patterns where `*` stands
       * for any run of characters (e.g. `team-a-*`). The scaffolder actions refuse any other
       * namespace before the first cluster call, and the backend lists only instances in them.
       * Defaults to `[namespace]`.
       * @visibility backend
       */
      namespaces?: string[];
      /**
       * Namespace the operator runs in on the operator cluster (where it mounts its kubeconfig
       * Secrets). Defaults to `platform-mesh-system`.
       * @visibility backend
       */
      operatorNamespace?: string;
      /**
       * The runtime cluster's API URL as the operator and the infra cluster see it (written into
       * the kubeconfig Secrets and, for Argo CD, used as `destination.server`). Defaults to the
       * runtime cluster's `url`; required for `argocd` targets. Never sent to the browser.
       * @visibility backend
       */
      runtimeServerUrl?: string;
      /**
       * Overrides for the names and keys of the kubeconfig Secrets of a remote setup.
       * @visibility backend
       */
      secrets?: {
        /**
         * The runtime kubeconfig Secret the operator mounts, on the operator cluster.
         * @visibility backend
         */
        operatorRuntimeKubeconfig?: {
          /**
           * Name of the Secret. Defaults to `platform-mesh-kubeconfig`.
           * @visibility backend
           */
          name?: string;
          /**
           * Data key that holds the kubeconfig. Defaults to `kubeconfig`.
           * @visibility backend
           */
          key?: string;
        };
        /**
         * The infra kubeconfig Secret the operator mounts when Operator != Infra, on the operator
         * cluster.
         * @visibility backend
         */
        operatorInfraKubeconfig?: {
          /**
           * Name of the Secret. Defaults to `platform-mesh-infra-kubeconfig`.
           * @visibility backend
           */
          name?: string;
          /**
           * Data key that holds the kubeconfig. Defaults to `kubeconfig`.
           * @visibility backend
           */
          key?: string;
        };
        /**
         * The runtime kubeconfig Secret Flux resolves for `spec.kubeConfig.secretRef`, on the infra
         * cluster.
         * @visibility backend
         */
        fluxRuntimeKubeconfig?: {
          /**
           * Name of the Secret. Defaults to `platform-mesh-runtime-secret`.
           * @visibility backend
           */
          name?: string;
          /**
           * Data key that holds the kubeconfig. Defaults to `kubeconfig`.
           * @visibility backend
           */
          key?: string;
        };
      };
    }>;
    /**
     * Status cache settings.
     * @visibility backend
     */
    cache?: {
      /**
       * Seconds between full re-lists of the watched objects, and lifetime of cached API
       * discovery. Defaults to 300. Watches keep the status cache fresh in between; every watch
       * of the status backend also lists again on its own every `resyncSeconds` (±10 % jitter, so
       * that the watches do not re-list together) and replaces what it holds at once, so an event
       * a watch missed cannot stay wrong for longer than this.
       * @visibility backend
       */
      resyncSeconds?: number;
    };
    /**
     * Diagnostics of the status backend.
     * @visibility backend
     */
    diagnostics?: {
      /**
       * Seconds the operator gets before an unreconciled PlatformMesh (`not-reconciled`) or a
       * HelmRelease whose source does not exist yet (`source-missing`) is reported. Defaults to 120.
       * @visibility backend
       */
      gracePeriodSeconds?: number;
    };
    /**
     * Timeout in seconds of every request to a cluster's API server. Defaults to 10.
     * @visibility backend
     */
    requestTimeoutSeconds?: number;
  };
}

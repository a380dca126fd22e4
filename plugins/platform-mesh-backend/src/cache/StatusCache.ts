import type { LoggerService } from '@backstage/backend-plugin-api';
import { NotFoundError } from '@backstage/errors';
import {
  buildInstanceStatus,
  DEFAULT_SECRETS,
  formatInstanceRef,
  namespaceAllowed,
  requiredReads,
  summarizeStatus,
  type ClusterRole,
  type InstanceRef,
  type InstanceSnapshot,
  type InstanceStatus,
  type InstanceSummary,
  type PlatformMesh,
  type RoleRead,
  type SecretMetadata,
} from '@platform-mesh-backstage/plugin-platform-mesh-common';
import type { PlatformMeshTarget } from '@platform-mesh-backstage/plugin-platform-mesh-node';
import type { InformerPool } from './InformerPool';
import type { InformerState } from './ResourceInformer';
import { roleRead } from './roleRead';
import {
  argoWatches,
  configMaps,
  fluxWatches,
  platformMeshes,
  secretWatch,
  watchKey,
  type WatchSpec,
} from './watchSpecs';

type Reads = Parameters<typeof roleRead>[1];

/** Infra resources whose CRD may be missing (e.g. Flux without the kustomize-controller). */
const CRD_OPTIONAL = new Set<string>(
  [...requiredReads('fluxcd'), ...requiredReads('argocd')]
    .filter(r => r.crdOptional)
    .map(r => r.resource),
);

/** The namespaces (names or `*` patterns) a target's instances may live in. */
function allowedNamespaces(target: PlatformMeshTarget): string[] {
  return target.namespaces?.length ? target.namespaces : [target.namespace];
}

/**
 * The status of every instance of every target, answered from the informer pool: a request never
 * reaches a cluster. Owns which watches each target needs, including the named Secret watches
 * that follow the Secrets the instances reference.
 */
export class StatusCache {
  private readonly targets: Map<string, PlatformMeshTarget>;
  private readonly generationSeen = new Map<
    string,
    { generation: number; at: string }
  >();
  /** Answers computed at `memoVersion` of the pool, for instances the cache has seen. */
  private readonly memo = new Map<string, InstanceStatus>();
  private memoVersion = -1;
  private reconcileScheduled = false;
  private unsubscribe: (() => void) | undefined;

  constructor(
    private readonly options: {
      targets: PlatformMeshTarget[];
      pool: InformerPool;
      logger: LoggerService;
      /** Grace period of the `not-reconciled` and `source-missing` diagnostics (default 120 s). */
      gracePeriodSeconds?: number;
      now?: () => Date;
    },
  ) {
    this.targets = new Map(options.targets.map(t => [t.name, t]));
  }

  /** Opens the watches of every target. */
  start(): void {
    this.unsubscribe = this.options.pool.onChange(() =>
      this.scheduleReconcile(),
    );
    for (const target of this.targets.values()) {
      for (const [cluster, spec] of this.baseWatches(target)) {
        this.options.pool.ensure(cluster, spec);
      }
    }
    this.reconcileSecretWatches();
  }

  async stop(): Promise<void> {
    this.unsubscribe?.();
    await this.options.pool.stop();
  }

  getTarget(name: string): PlatformMeshTarget | undefined {
    return this.targets.get(name);
  }

  listTargets(): PlatformMeshTarget[] {
    return [...this.targets.values()];
  }

  /**
   * The PlatformMesh instances on the target's runtime cluster in the target's allowed namespaces
   * (`namespaces`): targets that share a runtime cluster do not list each other's instances.
   */
  listInstances(target: PlatformMeshTarget): {
    instances: InstanceSummary[];
    runtime: RoleRead;
  } {
    const pms = this.state<PlatformMesh>(target.runtimeCluster, platformMeshes);
    const runtime = roleRead(target.runtimeCluster, [
      { resource: platformMeshes.resource, state: pms },
    ]);
    const allowed = allowedNamespaces(target);
    const instances = pms.items
      .map(pm => refOf(target, pm))
      .filter(ref => namespaceAllowed(allowed, ref.namespace))
      .map(ref => summarizeStatus(this.getStatus(target, ref)))
      .sort((a, b) => formatInstanceRef(a).localeCompare(formatInstanceRef(b)));
    return { instances, runtime };
  }

  /**
   * The status of an instance as the API answers it (HTTP route and actions registry alike), or a
   * `NotFoundError`: for an unknown target, for a namespace outside the target's allowed
   * namespaces (naming them), and for an instance found on none of the target's clusters while
   * the runtime cluster could be read (when it cannot, the status says so instead).
   *
   * @param ref - the instance
   */
  requireStatus(ref: InstanceRef): InstanceStatus {
    const target = this.getTarget(ref.target);
    if (!target) throw new NotFoundError(`Unknown target "${ref.target}"`);
    const allowed = allowedNamespaces(target);
    if (!namespaceAllowed(allowed, ref.namespace)) {
      throw new NotFoundError(
        `Namespace "${ref.namespace}" is not one of the namespaces of target "${
          ref.target
        }" (${allowed.join(', ')})`,
      );
    }
    const status = this.getStatus(target, ref);
    if (
      status.clusters.runtime.reachable &&
      this.locate(target, ref).length === 0
    ) {
      throw new NotFoundError(
        `No PlatformMesh ${ref.namespace}/${ref.name} on the runtime cluster of target "${ref.target}"`,
      );
    }
    return status;
  }

  /**
   * The status of one instance, recomputed only when something in the cache changed since the
   * last answer for it. Only instances found on one of the target's clusters are remembered, and
   * only until the next change, so requests for arbitrary names cannot grow the memo.
   */
  getStatus(target: PlatformMeshTarget, ref: InstanceRef): InstanceStatus {
    const key = formatInstanceRef(ref);
    const version = this.options.pool.currentVersion();
    if (version !== this.memoVersion) {
      this.memo.clear();
      this.memoVersion = version;
    }
    const cached = this.memo.get(key);
    if (cached) return cached;
    const status = buildInstanceStatus(
      this.snapshot(target, ref),
      this.diagnosticOptions(),
    );
    if (this.locate(target, ref).length > 0) this.memo.set(key, status);
    return status;
  }

  /** The clusters (by role) on which the cache has seen the instance's PlatformMesh. */
  locate(target: PlatformMeshTarget, ref: InstanceRef): ClusterRole[] {
    const roles: Array<[ClusterRole, string]> = [
      ['runtime', target.runtimeCluster],
      ['operator', target.operatorCluster],
      ['infra', target.infraCluster],
    ];
    const seen = new Set<string>();
    return roles
      .filter(([, cluster]) => !seen.has(cluster) && seen.add(cluster))
      .filter(([, cluster]) =>
        this.state<PlatformMesh>(cluster, platformMeshes).items.some(
          pm =>
            pm.metadata.namespace === ref.namespace &&
            pm.metadata.name === ref.name,
        ),
      )
      .map(([role]) => role);
  }

  private diagnosticOptions() {
    return this.options.gracePeriodSeconds === undefined
      ? undefined
      : { gracePeriodSeconds: this.options.gracePeriodSeconds };
  }

  /** Everything the cache knows about one instance, as the pure input of `-common`. */
  snapshot(target: PlatformMeshTarget, ref: InstanceRef): InstanceSnapshot {
    const now = (this.options.now?.() ?? new Date()).toISOString();
    const fluxcd = target.deploymentTechnology === 'fluxcd';

    const runtimePms = this.state<PlatformMesh>(
      target.runtimeCluster,
      platformMeshes,
    );
    const runtimeCms = this.state<any>(target.runtimeCluster, configMaps);
    const platformMesh = runtimePms.items.find(
      pm =>
        pm.metadata.namespace === ref.namespace &&
        pm.metadata.name === ref.name,
    );
    const otherPlatformMeshes = runtimePms.items
      .filter(
        pm =>
          pm.metadata.namespace === ref.namespace &&
          pm.metadata.name !== ref.name,
      )
      .map(pm => pm.metadata.name)
      .sort();

    const operatorSecretSpecs = this.operatorSecretSpecs(target);
    const operatorSecrets = operatorSecretSpecs.map(spec =>
      this.state<SecretMetadata>(target.operatorCluster, spec),
    );
    const operatorPms = this.otherClusterPms(target, target.operatorCluster);

    const infraWorkload = (fluxcd ? fluxWatches : argoWatches).map(spec => ({
      spec,
      state: this.state<any>(target.infraCluster, spec),
    }));
    const byKind = (kind: string) =>
      infraWorkload.find(w => w.spec.kind === kind)?.state.items ?? [];
    const infraSecretSpecs = this.infraSecretSpecs(target, ref.namespace, [
      ...byKind('HelmRelease'),
      ...byKind('Kustomization'),
    ]);
    // peek, not ensure: the reconcile loop opens these for instances that exist
    const infraSecrets = infraSecretSpecs.map(spec =>
      this.options.pool.peek<SecretMetadata>(target.infraCluster, spec),
    );
    const infraPms = this.otherClusterPms(target, target.infraCluster);

    const reads = (role: ClusterRole): RoleRead => {
      const list: Reads = [];
      if (role === 'runtime') {
        list.push({ resource: platformMeshes.resource, state: runtimePms });
        list.push({ resource: configMaps.resource, state: runtimeCms });
      }
      if (role === 'operator') {
        operatorSecrets.forEach(state =>
          list.push({ resource: 'secrets', state }),
        );
        if (operatorPms)
          list.push({
            resource: platformMeshes.resource,
            state: operatorPms,
            optional: true,
          });
      }
      if (role === 'infra') {
        infraWorkload.forEach(w =>
          list.push({
            resource: w.spec.resource,
            state: w.state,
            optional: CRD_OPTIONAL.has(w.spec.resource),
          }),
        );
        infraSecrets.forEach(state =>
          list.push({ resource: 'secrets', state }),
        );
        if (infraPms)
          list.push({
            resource: platformMeshes.resource,
            state: infraPms,
            optional: true,
          });
      }
      return roleRead(clusterOf(target, role), list);
    };

    return {
      ref,
      now,
      deploymentTechnology: target.deploymentTechnology,
      operatorIsInfra: target.operatorIsInfra,
      operatorNamespace: target.operatorNamespace,
      expectedSecrets: {
        operatorRuntimeKubeconfig: target.secrets.operatorRuntimeKubeconfig,
        ...(target.operatorIsInfra
          ? {}
          : {
              operatorInfraKubeconfig: target.secrets.operatorInfraKubeconfig,
            }),
        ...(fluxcd
          ? { fluxRuntimeKubeconfig: target.secrets.fluxRuntimeKubeconfig }
          : {
              argocdClusterSecret: { ...DEFAULT_SECRETS.argocdClusterSecret },
            }),
      },
      runtimeServerUrls: [target.runtimeServerUrl],
      clusters: {
        operator: reads('operator'),
        runtime: reads('runtime'),
        infra: reads('infra'),
      },
      runtime: {
        ...(platformMesh ? { platformMesh } : {}),
        ...this.generationObservedAt(ref, platformMesh),
        configMaps: runtimeCms.items.filter(
          cm => cm.metadata.namespace === ref.namespace,
        ),
        ...(otherPlatformMeshes.length ? { otherPlatformMeshes } : {}),
      },
      operator: {
        secrets: operatorSecrets.flatMap(s => s.items),
        platformMeshes: operatorPms?.items ?? [],
      },
      infra: {
        secrets: infraSecrets.flatMap(s => s.items),
        platformMeshes: infraPms?.items ?? [],
        helmReleases: byKind('HelmRelease'),
        kustomizations: byKind('Kustomization'),
        applications: byKind('Application'),
        ociRepositories: byKind('OCIRepository'),
        helmRepositories: byKind('HelmRepository'),
        gitRepositories: byKind('GitRepository'),
      },
    };
  }

  private state<T>(cluster: string, spec: WatchSpec): InformerState<T> {
    return this.options.pool.state<T>(cluster, spec);
  }

  /** PlatformMeshes on a cluster other than the runtime one (to find a CR on the wrong cluster). */
  private otherClusterPms(target: PlatformMeshTarget, cluster: string) {
    return cluster === target.runtimeCluster
      ? undefined
      : this.state<PlatformMesh>(cluster, platformMeshes);
  }

  private baseWatches(target: PlatformMeshTarget): Array<[string, WatchSpec]> {
    const watches: Array<[string, WatchSpec]> = [
      [target.runtimeCluster, platformMeshes],
      [target.runtimeCluster, configMaps],
      ...(target.deploymentTechnology === 'fluxcd'
        ? fluxWatches
        : argoWatches
      ).map(spec => [target.infraCluster, spec] as [string, WatchSpec]),
      ...this.operatorSecretSpecs(target).map(
        spec => [target.operatorCluster, spec] as [string, WatchSpec],
      ),
    ];
    for (const cluster of new Set([
      target.operatorCluster,
      target.infraCluster,
    ])) {
      if (cluster !== target.runtimeCluster)
        watches.push([cluster, platformMeshes]);
    }
    return watches;
  }

  private operatorSecretSpecs(target: PlatformMeshTarget): WatchSpec[] {
    const names = [target.secrets.operatorRuntimeKubeconfig.name];
    if (!target.operatorIsInfra)
      names.push(target.secrets.operatorInfraKubeconfig.name);
    return names.map(name => secretWatch(target.operatorNamespace, name));
  }

  /** The Secrets on the infra cluster an instance depends on: the configured one and every secretRef. */
  private infraSecretSpecs(
    target: PlatformMeshTarget,
    namespace: string,
    workloads: any[],
  ): WatchSpec[] {
    if (target.deploymentTechnology === 'argocd') {
      const { name, namespace: ns } = DEFAULT_SECRETS.argocdClusterSecret;
      return [secretWatch(ns, name)];
    }
    const names = new Set<string>([target.secrets.fluxRuntimeKubeconfig.name]);
    for (const w of workloads) {
      const ref = w?.spec?.kubeConfig?.secretRef?.name;
      if (w?.metadata?.namespace === namespace && typeof ref === 'string')
        names.add(ref);
    }
    return [...names].sort().map(name => secretWatch(namespace, name));
  }

  private generationObservedAt(ref: InstanceRef, pm: PlatformMesh | undefined) {
    const seen = this.generationSeen.get(formatInstanceRef(ref));
    return pm && seen && seen.generation === pm.metadata.generation
      ? { generationObservedAt: seen.at }
      : {};
  }

  private scheduleReconcile(): void {
    if (this.reconcileScheduled) return;
    this.reconcileScheduled = true;
    setImmediate(() => {
      this.reconcileScheduled = false;
      this.reconcileSecretWatches();
    });
  }

  /**
   * Follows the instances: records when each PlatformMesh generation was first seen, opens the
   * named Secret watches their setup references and closes those no longer referenced.
   */
  private reconcileSecretWatches(): void {
    const now = (this.options.now?.() ?? new Date()).toISOString();
    const keep = new Set<string>();
    for (const target of this.targets.values()) {
      const workloads = (
        target.deploymentTechnology === 'fluxcd' ? fluxWatches : argoWatches
      )
        .filter(s => s.kind === 'HelmRelease' || s.kind === 'Kustomization')
        .flatMap(spec => this.state<any>(target.infraCluster, spec).items);
      for (const spec of this.operatorSecretSpecs(target)) {
        keep.add(watchKey(target.operatorCluster, spec));
      }
      const runtimePms = this.state<PlatformMesh>(
        target.runtimeCluster,
        platformMeshes,
      ).items;
      for (const pm of runtimePms) {
        const key = formatInstanceRef(refOf(target, pm));
        const generation = pm.metadata.generation ?? 0;
        if (this.generationSeen.get(key)?.generation !== generation) {
          this.generationSeen.set(key, { generation, at: now });
        }
      }
      // instances in the target's namespaces found on any of its clusters (a CR on the wrong
      // cluster included)
      const namespaces = new Set<string>();
      for (const cluster of new Set([
        target.runtimeCluster,
        target.operatorCluster,
        target.infraCluster,
      ])) {
        for (const pm of this.state<PlatformMesh>(cluster, platformMeshes)
          .items) {
          const namespace = pm.metadata.namespace ?? target.namespace;
          if (namespaceAllowed(allowedNamespaces(target), namespace)) {
            namespaces.add(namespace);
          }
        }
      }
      for (const namespace of namespaces) {
        for (const spec of this.infraSecretSpecs(
          target,
          namespace,
          workloads,
        )) {
          keep.add(watchKey(target.infraCluster, spec));
          this.options.pool.ensure(target.infraCluster, spec);
        }
      }
    }
    void this.options.pool.retain(keep, key => key.includes('|Secret|'));
  }
}

function clusterOf(target: PlatformMeshTarget, role: ClusterRole): string {
  const clusters: Record<ClusterRole, string> = {
    operator: target.operatorCluster,
    runtime: target.runtimeCluster,
    infra: target.infraCluster,
  };
  return clusters[role];
}

function refOf(target: PlatformMeshTarget, pm: PlatformMesh): InstanceRef {
  return {
    target: target.name,
    namespace: pm.metadata.namespace ?? target.namespace,
    name: pm.metadata.name,
  };
}

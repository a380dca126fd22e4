import type { LoggerService } from '@backstage/backend-plugin-api';
import { NotFoundError } from '@backstage/errors';
import {
  formatInstanceRef,
  type ClusterRole,
  type InstanceRef,
  type InstanceStatus,
  type InstanceSummary,
  type PlatformMesh,
} from '@platform-mesh-backstage/plugin-platform-mesh-common';
import {
  buildInstanceStatus,
  namespaceAllowed,
  summarizeStatus,
  type InstanceSnapshot,
  type RoleRead,
} from '@platform-mesh-backstage/plugin-platform-mesh-common/alpha';
import type { PlatformMeshTarget } from '@platform-mesh-backstage/plugin-platform-mesh-node';
import { cachedObject } from './cachedObject';
import type { InformerPool, PoolChange } from './InformerPool';
import {
  infraSecretWatches,
  infraWatches,
  locateInstance,
  namespaceWorkloads,
  operatorSecretWatches,
  readInstanceSnapshot,
  targetClusters,
} from './instanceSnapshot';
import { ReadRecorder } from './ReadRecorder';
import { roleRead } from './roleRead';
import { SecretWatchIndex } from './SecretWatchIndex';
import type { SerializedAnswer } from './statusAnswer';
import { StatusMemo, type MemoEntry } from './StatusMemo';
import {
  configMaps,
  ocmResources,
  platformMeshes,
  watchKey,
  type WatchSpec,
} from './watchSpecs';

/** Default of {@link StatusCacheOptions.memoMaxAgeMs}. */
const DEFAULT_MEMO_MAX_AGE_MS = 30_000;

/** Kinds whose changes can change which Secrets the instances depend on. */
const SECRET_REFERRING_KINDS = new Set([
  'PlatformMesh',
  'HelmRelease',
  'Kustomization',
]);

/**
 * Options of {@link StatusCache}.
 */
interface StatusCacheOptions {
  targets: PlatformMeshTarget[];
  pool: InformerPool;
  logger: LoggerService;
  /** Grace period of the `not-reconciled` and `source-missing` diagnostics (default 120 s). */
  gracePeriodSeconds?: number;
  /**
   * How long a remembered answer may be served while nothing it was built from changed (default
   * 30 s): bounds how stale its time-dependent parts (`observedAt`, grace periods) can get.
   */
  memoMaxAgeMs?: number;
  now?: () => Date;
}

/** The namespaces (names or `*` patterns) a target's instances may live in. */
function allowedNamespaces(target: PlatformMeshTarget): string[] {
  return target.namespaces?.length ? target.namespaces : [target.namespace];
}

const slotOf = (target: string, namespace: string) =>
  `${target}\u0000${namespace}`;

/**
 * The status of every instance of every target, answered from the informer pool: a request never
 * reaches a cluster. Owns which watches each target needs, including the Secret watches (one per
 * Secret name) that follow the Secrets the instances reference.
 *
 * Cost: an instance's snapshot reads only its namespace (plus referenced sources and its Secrets);
 * its answer is remembered with the reads it was built from and served, serialized and with an
 * ETag, until one of those reads changes; the instance list is made of the remembered summaries.
 * None of this grows with the number of instances on the clusters.
 */
export class StatusCache {
  private readonly targets: Map<string, PlatformMeshTarget>;
  /** Per target and namespace: when each PlatformMesh's generation was first seen. */
  private readonly generationSeen = new Map<
    string,
    Map<string, { generation: number; at: string }>
  >();
  private readonly memo: StatusMemo;
  private readonly secretWatches = new SecretWatchIndex();
  private readonly lists = new Map<
    string,
    { version: number; builtAt: number; instances: InstanceSummary[] }
  >();
  /** Namespaces (per target) whose Secret watches must be recomputed; `*`: all of them. */
  private readonly pending = new Map<string, Set<string>>();
  private reconcileScheduled = false;
  private unsubscribe: (() => void) | undefined;
  private readonly maxAgeMs: number;

  constructor(private readonly options: StatusCacheOptions) {
    this.targets = new Map(options.targets.map(t => [t.name, t]));
    this.maxAgeMs = options.memoMaxAgeMs ?? DEFAULT_MEMO_MAX_AGE_MS;
    this.memo = new StatusMemo(options.pool, this.maxAgeMs);
  }

  /** Opens the watches of every target. */
  start(): void {
    this.unsubscribe = this.options.pool.onChange(change =>
      this.onPoolChange(change),
    );
    for (const target of this.targets.values()) {
      for (const [cluster, spec] of this.baseWatches(target)) {
        this.options.pool.ensure(cluster, spec);
      }
    }
    for (const target of this.targets.values()) {
      this.recordGenerations(target, this.instanceNamespaces(target));
      this.queue(target.name, '*');
    }
    this.reconcile();
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
   * (`namespaces`): targets that share a runtime cluster do not list each other's instances. Made
   * of the remembered per-instance summaries: only instances whose reads changed are rebuilt, and
   * while nothing changed on any watch the list itself is reused.
   */
  listInstances(target: PlatformMeshTarget): {
    instances: InstanceSummary[];
    runtime: RoleRead;
  } {
    const { pool } = this.options;
    const runtime = roleRead(target.runtimeCluster, [
      {
        resource: platformMeshes.resource,
        state: pool.ensure(target.runtimeCluster, platformMeshes).state(),
      },
    ]);
    const version = pool.currentVersion();
    const now = this.nowMs();
    const cached = this.lists.get(target.name);
    if (
      cached &&
      cached.version === version &&
      now >= cached.builtAt &&
      now - cached.builtAt < this.maxAgeMs
    ) {
      return { instances: cached.instances, runtime };
    }
    const informer = pool.ensure<PlatformMesh>(
      target.runtimeCluster,
      platformMeshes,
    );
    const allowed = allowedNamespaces(target);
    const instances: InstanceSummary[] = [];
    for (const namespace of informer.namespaces()) {
      if (!namespaceAllowed(allowed, namespace)) continue;
      for (const pm of informer.itemsIn(namespace)) {
        const ref = { target: target.name, namespace, name: pm.metadata.name };
        instances.push(this.entry(target, ref).summary);
      }
    }
    instances.sort((a, b) =>
      formatInstanceRef(a).localeCompare(formatInstanceRef(b)),
    );
    this.lists.set(target.name, { version, builtAt: now, instances });
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
    return this.requireEntry(ref).status;
  }

  /**
   * {@link StatusCache.requireStatus} serialized, with a strong ETag: the same bytes (and no new
   * `JSON.stringify`) until something the answer was built from changes.
   *
   * @param ref - the instance
   */
  requireAnswer(ref: InstanceRef): SerializedAnswer {
    return this.memo.answer(this.requireEntry(ref));
  }

  /**
   * The status of one instance, recomputed only when one of the reads it was built from changed
   * (or it is older than `memoMaxAgeMs`). Only instances found on one of the target's clusters are
   * remembered, so requests for arbitrary names cannot grow the memo.
   */
  getStatus(target: PlatformMeshTarget, ref: InstanceRef): InstanceStatus {
    return this.entry(target, ref).status;
  }

  /** The clusters (by role) on which the cache has seen the instance's PlatformMesh. */
  locate(target: PlatformMeshTarget, ref: InstanceRef): ClusterRole[] {
    return locateInstance(this.reads(), target, ref);
  }

  /**
   * An object the cache watches, as it holds it (see `cachedObject`): no cluster call. Callers
   * decide whether it belongs to an instance (`instanceObjectRefs`).
   *
   * @param target - the target
   * @param ref - the object and the role of its cluster
   */
  cachedObject(
    target: PlatformMeshTarget,
    ref: { role: ClusterRole; kind: string; namespace: string; name: string },
  ): { cluster: string; object: any; observedAt?: string } | undefined {
    return cachedObject(this.options.pool, target, ref);
  }

  /** Statuses built so far and answers remembered (for metrics and tests). */
  memoStats(): { builds: number; entries: number } {
    return this.memo.stats();
  }

  /** Everything the cache knows about one instance, as the pure input of `-common`. */
  snapshot(target: PlatformMeshTarget, ref: InstanceRef): InstanceSnapshot {
    return readInstanceSnapshot(this.reads(), target, ref, {
      now: this.now().toISOString(),
      generationObservedAt: pm => this.generationObservedAt(target, ref, pm),
    });
  }

  private requireEntry(ref: InstanceRef): MemoEntry {
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
    const entry = this.entry(target, ref);
    if (
      entry.status.clusters.runtime.reachable &&
      this.locate(target, ref).length === 0
    ) {
      throw new NotFoundError(
        `No PlatformMesh ${ref.namespace}/${ref.name} on the runtime cluster of target "${ref.target}"`,
      );
    }
    return entry;
  }

  private entry(target: PlatformMeshTarget, ref: InstanceRef): MemoEntry {
    const slot = slotOf(target.name, ref.namespace);
    const now = this.nowMs();
    const generationAt = this.generationSeen.get(slot)?.get(ref.name)?.at;
    const cached = this.memo.get(slot, ref.name, now, generationAt);
    if (cached) return cached;

    const recorder = new ReadRecorder(this.options.pool);
    const snapshot = readInstanceSnapshot(recorder, target, ref, {
      now: new Date(now).toISOString(),
      generationObservedAt: pm => this.generationObservedAt(target, ref, pm),
    });
    const status = buildInstanceStatus(snapshot, this.diagnosticOptions());
    this.memo.built();
    const located = locateInstance(recorder, target, ref).length > 0;
    const entry: MemoEntry = {
      status,
      summary: summarizeStatus(status),
      reads: recorder.reads(),
      builtAt: now,
      ...(generationAt ? { generationAt } : {}),
    };
    if (located) this.memo.set(slot, ref.name, entry);
    else this.memo.delete(slot, ref.name);
    return entry;
  }

  private reads(): ReadRecorder {
    return new ReadRecorder(this.options.pool, { record: false });
  }

  private now(): Date {
    return this.options.now?.() ?? new Date();
  }

  private nowMs(): number {
    return this.now().getTime();
  }

  private diagnosticOptions() {
    return this.options.gracePeriodSeconds === undefined
      ? undefined
      : { gracePeriodSeconds: this.options.gracePeriodSeconds };
  }

  private generationObservedAt(
    target: PlatformMeshTarget,
    ref: InstanceRef,
    pm: PlatformMesh,
  ): string | undefined {
    const seen = this.generationSeen
      .get(slotOf(target.name, ref.namespace))
      ?.get(ref.name);
    return seen && seen.generation === pm.metadata.generation
      ? seen.at
      : undefined;
  }

  private baseWatches(target: PlatformMeshTarget): Array<[string, WatchSpec]> {
    const watches: Array<[string, WatchSpec]> = [
      [target.runtimeCluster, platformMeshes],
      [target.runtimeCluster, configMaps],
      [target.runtimeCluster, ocmResources],
      ...infraWatches(target).map(
        spec => [target.infraCluster, spec] as [string, WatchSpec],
      ),
      ...operatorSecretWatches(target).map(
        spec => [target.operatorCluster, spec] as [string, WatchSpec],
      ),
    ];
    for (const [, cluster] of targetClusters(target)) {
      if (cluster !== target.runtimeCluster)
        watches.push([cluster, platformMeshes]);
    }
    return watches;
  }

  /**
   * Follows the pool: a change of PlatformMeshes records generations (synchronously, so that no
   * answer is built between the change and the record) and drops the remembered answers of
   * instances that are gone; changes of PlatformMeshes, HelmReleases and Kustomizations queue
   * their namespaces for the Secret watches. Nothing else (ConfigMaps, sources, Secrets, health)
   * costs more than the version bump the memo checks.
   */
  private onPoolChange(change: PoolChange): void {
    if (!SECRET_REFERRING_KINDS.has(change.spec.kind)) return;
    if (change.namespaces.size === 0) return;
    const isPm = change.spec.kind === 'PlatformMesh';
    for (const target of this.targets.values()) {
      const concerned = isPm
        ? targetClusters(target).some(([, c]) => c === change.cluster)
        : change.cluster === target.infraCluster &&
          infraWatches(target).some(s => s.kind === change.spec.kind);
      if (!concerned) continue;
      const namespaces = [...change.namespaces].filter(ns =>
        namespaceAllowed(allowedNamespaces(target), ns),
      );
      if (namespaces.length === 0) continue;
      if (isPm && change.cluster === target.runtimeCluster)
        this.recordGenerations(target, namespaces);
      if (isPm) this.forgetGone(target, namespaces);
      for (const ns of namespaces) this.queue(target.name, ns);
    }
    this.scheduleReconcile();
  }

  /** Namespaces of a target's allowed ones that hold a PlatformMesh on one of its clusters. */
  private instanceNamespaces(target: PlatformMeshTarget): string[] {
    const allowed = allowedNamespaces(target);
    const namespaces = new Set<string>();
    for (const [, cluster] of targetClusters(target)) {
      const informer = this.options.pool.find(cluster, platformMeshes);
      if (!informer) continue;
      for (const ns of informer.namespaces()) {
        if (namespaceAllowed(allowed, ns)) namespaces.add(ns);
      }
    }
    return [...namespaces];
  }

  private recordGenerations(
    target: PlatformMeshTarget,
    namespaces: Iterable<string>,
  ): void {
    const informer = this.options.pool.find<PlatformMesh>(
      target.runtimeCluster,
      platformMeshes,
    );
    const at = this.now().toISOString();
    for (const ns of namespaces) {
      const slot = slotOf(target.name, ns);
      const before = this.generationSeen.get(slot);
      const after = new Map<string, { generation: number; at: string }>();
      for (const pm of informer?.itemsIn(ns) ?? []) {
        const generation = pm.metadata.generation ?? 0;
        const seen = before?.get(pm.metadata.name);
        after.set(
          pm.metadata.name,
          seen?.generation === generation ? seen : { generation, at },
        );
      }
      if (after.size) this.generationSeen.set(slot, after);
      else this.generationSeen.delete(slot);
    }
  }

  /** Drops remembered answers of instances no longer found on any of the target's clusters. */
  private forgetGone(target: PlatformMeshTarget, namespaces: string[]): void {
    const reads = this.reads();
    for (const namespace of namespaces) {
      const slot = slotOf(target.name, namespace);
      for (const name of this.memo.names(slot)) {
        const ref = { target: target.name, namespace, name };
        if (locateInstance(reads, target, ref).length === 0)
          this.memo.delete(slot, name);
      }
    }
  }

  private queue(target: string, namespace: string): void {
    let namespaces = this.pending.get(target);
    if (!namespaces) {
      namespaces = new Set();
      this.pending.set(target, namespaces);
    }
    namespaces.add(namespace);
  }

  private scheduleReconcile(): void {
    if (this.reconcileScheduled) return;
    this.reconcileScheduled = true;
    setImmediate(() => {
      this.reconcileScheduled = false;
      this.reconcile();
    });
  }

  /**
   * One pass over the queued namespaces: recomputes the Secret watches each needs (none without
   * an instance) and, when that changed the set of watches, opens the new ones and closes those
   * no longer needed. Costs the queued namespaces' objects, never the whole cluster's.
   */
  private reconcile(): void {
    const reads = this.reads();
    let changed = false;
    for (const [name, queued] of this.pending) {
      const target = this.targets.get(name);
      if (!target) continue;
      const namespaces = queued.has('*')
        ? new Set([
            ...this.instanceNamespaces(target),
            ...this.secretWatches.namespacesOf(name),
          ])
        : queued;
      const allowed = allowedNamespaces(target);
      for (const ns of namespaces) {
        const hasInstance =
          namespaceAllowed(allowed, ns) &&
          targetClusters(target).some(
            ([, cluster]) =>
              (this.options.pool.find(cluster, platformMeshes)?.itemsIn(ns)
                .length ?? 0) > 0,
          );
        const watches = hasInstance
          ? infraSecretWatches(
              target,
              namespaceWorkloads(reads, target, ns),
            ).map(spec => ({ cluster: target.infraCluster, spec }))
          : [];
        changed = this.secretWatches.set(name, ns, watches) || changed;
      }
    }
    this.pending.clear();
    if (!changed) return;
    const keep = new Set<string>();
    for (const target of this.targets.values()) {
      for (const spec of operatorSecretWatches(target))
        keep.add(watchKey(target.operatorCluster, spec));
    }
    for (const [key, { cluster, spec }] of this.secretWatches.watches()) {
      keep.add(key);
      this.options.pool.ensure(cluster, spec);
    }
    void this.options.pool.retain(keep, key => key.includes('|Secret|'));
  }
}

import type { LoggerService } from '@backstage/backend-plugin-api';
import { stringifyEntityRef, type Entity } from '@backstage/catalog-model';
import type {
  EntityProvider,
  EntityProviderConnection,
} from '@backstage/plugin-catalog-node';
import { type KubernetesObject } from '@platform-mesh-backstage/plugin-platform-mesh-common';
import { buildInstanceEntity } from '@platform-mesh-backstage/plugin-platform-mesh-common/alpha';
import {
  toTargetSummary,
  type PlatformMeshClustersService,
  type PlatformMeshTarget,
} from '@platform-mesh-backstage/plugin-platform-mesh-node';
import {
  PlatformMeshWatch,
  type PlatformMeshChange,
} from '../watch/PlatformMeshWatch';

/**
 * Options of {@link PlatformMeshInstanceEntityProvider}.
 *
 * @public
 */
export interface PlatformMeshInstanceEntityProviderOptions {
  /** The target whose instances this provider emits. */
  target: PlatformMeshTarget;
  /** The catalog plugin's clusters service (its one client per cluster). */
  clusters: PlatformMeshClustersService;
  logger: LoggerService;
  /** `spec.owner` of instances without a valid `platform-mesh.io/owner` annotation. */
  defaultOwner: string;
  /** Entity name pattern (see `formatInstanceEntityName`). */
  namePattern?: string;
  /** Tuning of the watch, for tests. */
  watch?: {
    watchTimeoutSeconds?: number;
    silenceLimitMs?: number;
    retryDelay?: (failures: number) => number;
  };
}

interface Emitted {
  entity: Entity;
  json: string;
}

function objectKey(object: KubernetesObject): string {
  return `${object.metadata?.namespace}/${object.metadata?.name}`;
}

function errorText(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}

/**
 * Emits one catalog `Resource` per PlatformMesh of one target (`buildInstanceEntity`), read from
 * the target's runtime cluster through the clusters service: a full mutation after the first
 * complete list once connected, delta mutations from the watch (added or modified: upsert;
 * deleted: removed), and a full mutation from {@link PlatformMeshInstanceEntityProvider.refresh},
 * which the module schedules on one replica. A list that fails changes nothing: the entities of
 * the last successful read stay, and the failure is logged.
 *
 * @public
 */
export class PlatformMeshInstanceEntityProvider implements EntityProvider {
  private connection?: EntityProviderConnection;
  private readonly watch: PlatformMeshWatch;
  /** What the catalog holds from us, by `<namespace>/<name>`; undefined before the first full mutation. */
  private emitted?: Map<string, Emitted>;
  private readonly warned = new Map<string, string>();
  private queue: Promise<unknown> = Promise.resolve();
  private readonly location: string;

  constructor(
    private readonly options: PlatformMeshInstanceEntityProviderOptions,
  ) {
    this.location = `platform-mesh:${options.target.name}`;
    const namespaces = options.target.namespaces.length
      ? options.target.namespaces
      : [options.target.namespace];
    // one plain namespace: watch only it (least privilege); otherwise all, filtered
    const single =
      namespaces.length === 1 && !namespaces[0].includes('*')
        ? namespaces[0]
        : undefined;
    this.watch = new PlatformMeshWatch({
      client: options.clusters.getClient(options.target.runtimeCluster),
      namespace: single,
      onList: objects => this.serialize(() => this.applyList(objects)),
      onChange: change => this.serialize(() => this.applyChange(change)),
      onError: (error, retryInMs) =>
        options.logger.warn(
          `Platform Mesh catalog provider for target "${
            options.target.name
          }": reading PlatformMeshes from cluster "${
            options.target.runtimeCluster
          }" failed (${errorText(
            error,
          )}); the entities stay as last read, retrying in ${(
            retryInMs / 1000
          ).toFixed(1)}s`,
        ),
      ...options.watch,
    });
  }

  /** `platform-mesh:<target>`: also the entities' location key and managed-by locations. */
  getProviderName(): string {
    return this.location;
  }

  /** Starts the watch; its first complete list becomes a full mutation. */
  async connect(connection: EntityProviderConnection): Promise<void> {
    this.connection = connection;
    this.watch.start();
  }

  /**
   * Lists the target's PlatformMeshes and applies them as a full mutation. A failed list is
   * logged and changes nothing (resolves false); nothing happens before `connect`.
   */
  async refresh(): Promise<boolean> {
    if (!this.connection) return false;
    let objects: KubernetesObject[];
    try {
      objects = (await this.watch.list()).objects;
    } catch (error) {
      this.options.logger.warn(
        `Platform Mesh catalog provider for target "${
          this.options.target.name
        }": the full refresh could not list PlatformMeshes on cluster "${
          this.options.target.runtimeCluster
        }" (${errorText(error)}); the entities stay as last read`,
      );
      return false;
    }
    await this.serialize(() => this.applyFull(objects));
    return true;
  }

  /** Stops the watch. */
  async stop(): Promise<void> {
    await this.watch.stop();
  }

  private serialize<T>(fn: () => Promise<T>): Promise<T> {
    const next = this.queue.then(fn, fn);
    this.queue = next.catch(() => undefined);
    return next;
  }

  private build(object: KubernetesObject): Emitted | undefined {
    const result = buildInstanceEntity(
      object,
      toTargetSummaryWithNamespaces(this.options.target),
      {
        defaultOwner: this.options.defaultOwner,
        namePattern: this.options.namePattern,
        location: this.location,
      },
    );
    if (result.type !== 'entity') return undefined;
    const key = objectKey(object);
    const warnings = result.warnings.join('\n');
    if (warnings && this.warned.get(key) !== warnings) {
      for (const warning of result.warnings) this.options.logger.warn(warning);
    }
    if (warnings) this.warned.set(key, warnings);
    else this.warned.delete(key);
    const entity = result.entity as unknown as Entity;
    return { entity, json: JSON.stringify(entity) };
  }

  private buildAll(objects: KubernetesObject[]): Map<string, Emitted> {
    const next = new Map<string, Emitted>();
    for (const object of objects) {
      const emitted = this.build(object);
      if (emitted) next.set(objectKey(object), emitted);
    }
    return next;
  }

  private async applyFull(objects: KubernetesObject[]): Promise<void> {
    const next = this.buildAll(objects);
    await this.connection!.applyMutation({
      type: 'full',
      entities: [...next.values()].map(({ entity }) => ({
        entity,
        locationKey: this.location,
      })),
    });
    this.emitted = next;
  }

  /** A complete list from the watch: full the first time, then the difference to what we emitted. */
  private async applyList(objects: KubernetesObject[]): Promise<void> {
    if (!this.emitted) {
      await this.applyFull(objects);
      return;
    }
    const next = this.buildAll(objects);
    const added = [...next.entries()]
      .filter(([key, item]) => this.emitted!.get(key)?.json !== item.json)
      .map(([, item]) => item.entity);
    const removed = [...this.emitted.entries()]
      .filter(
        ([key, item]) =>
          next.get(key) === undefined ||
          stringifyEntityRef(next.get(key)!.entity) !==
            stringifyEntityRef(item.entity),
      )
      .map(([, item]) => item.entity);
    await this.delta(added, removed);
    this.emitted = next;
  }

  private async applyChange(change: PlatformMeshChange): Promise<void> {
    if (!this.emitted) return; // before the first full mutation: the list covers it
    const key = objectKey(change.object);
    const before = this.emitted.get(key);
    const after =
      change.type === 'DELETED' ? undefined : this.build(change.object);
    if (after && before?.json === after.json) return; // e.g. a status update
    const removed =
      before &&
      (!after ||
        stringifyEntityRef(before.entity) !== stringifyEntityRef(after.entity))
        ? [before.entity]
        : [];
    if (!after && removed.length === 0) return;
    await this.delta(after ? [after.entity] : [], removed);
    if (after) this.emitted.set(key, after);
    else this.emitted.delete(key);
  }

  private async delta(added: Entity[], removed: Entity[]): Promise<void> {
    if (added.length === 0 && removed.length === 0) return;
    await this.connection!.applyMutation({
      type: 'delta',
      added: added.map(entity => ({ entity, locationKey: this.location })),
      removed: removed.map(entity => ({
        entityRef: stringifyEntityRef(entity),
        locationKey: this.location,
      })),
    });
  }
}

function toTargetSummaryWithNamespaces(target: PlatformMeshTarget) {
  return { ...toTargetSummary(target), namespaces: target.namespaces };
}

import type { ClusterError } from '@platform-mesh-backstage/plugin-platform-mesh-common';
import {
  TransportError,
  type ResourceTransport,
  type WatchEvent,
} from '../cache/transport';
import type { WatchSpec } from '../cache/watchSpecs';

/**
 * A fake cluster for tests: holds objects per cluster, answers lists with those matching a watch
 * spec, streams later changes to open watches, and can fail a whole cluster or one resource.
 */
export class FakeClusters {
  private readonly objects = new Map<string, any[]>();
  private readonly failures = new Map<string, ClusterError>();
  private readonly watchers = new Set<{
    cluster: string;
    spec: WatchSpec;
    emit: (e: WatchEvent) => void;
  }>();
  private rv = 1;
  listCalls = 0;

  set(cluster: string, objects: any[]): void {
    this.objects.set(
      cluster,
      objects.map(o => this.stamp(o)),
    );
  }

  /** Adds or replaces an object and notifies watches, like a write on the cluster. */
  upsert(cluster: string, object: any): void {
    const stamped = this.stamp(object);
    const list = (this.objects.get(cluster) ?? []).filter(
      o => !same(o, stamped),
    );
    list.push(stamped);
    this.objects.set(cluster, list);
    for (const w of this.watchers) {
      if (w.cluster === cluster && matches(w.spec, stamped))
        w.emit({ type: 'MODIFIED', object: stamped });
    }
  }

  /** Sends a BOOKMARK to every open watch of a cluster, as an API server does now and then. */
  bookmark(cluster: string): void {
    this.rv += 1;
    for (const w of this.watchers) {
      if (w.cluster === cluster)
        w.emit({
          type: 'BOOKMARK',
          object: { metadata: { resourceVersion: String(this.rv) } },
        });
    }
  }

  /** Fails every call to a cluster (`resource` unset) or to one resource of it. */
  fail(cluster: string, error: ClusterError, resource?: string): void {
    this.failures.set(`${cluster}|${resource ?? '*'}`, error);
  }

  transportFactory = (cluster: string, spec: WatchSpec): ResourceTransport => ({
    description: `${cluster} ${spec.resource}`,
    list: async () => {
      this.listCalls += 1;
      const failure =
        this.failures.get(`${cluster}|*`) ??
        this.failures.get(`${cluster}|${spec.resource}`);
      if (failure) throw new TransportError(failure);
      return {
        items: (this.objects.get(cluster) ?? []).filter(o => matches(spec, o)),
        resourceVersion: String(this.rv),
      };
    },
    watch: (_rv, onEvent, signal) =>
      new Promise<void>(resolve => {
        const watcher = { cluster, spec, emit: onEvent };
        this.watchers.add(watcher);
        signal.addEventListener('abort', () => {
          this.watchers.delete(watcher);
          resolve();
        });
      }),
  });

  private stamp(o: any): any {
    this.rv += 1;
    return {
      ...o,
      metadata: { ...o.metadata, resourceVersion: String(this.rv) },
    };
  }
}

function same(a: any, b: any): boolean {
  return (
    a.kind === b.kind &&
    a.metadata.name === b.metadata.name &&
    a.metadata.namespace === b.metadata.namespace
  );
}

function matches(spec: WatchSpec, o: any): boolean {
  const group = String(o.apiVersion).includes('/')
    ? String(o.apiVersion).split('/')[0]
    : '';
  if (o.kind !== spec.kind || group !== spec.group) return false;
  if (spec.namespace && o.metadata.namespace !== spec.namespace) return false;
  if (spec.fieldSelector) {
    const [, name] = spec.fieldSelector.split('=');
    if (o.metadata.name !== name) return false;
  }
  if (spec.labelSelector) {
    const [key, value] = spec.labelSelector.split('=');
    if (o.metadata.labels?.[key] !== value) return false;
  }
  return true;
}

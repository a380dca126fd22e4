import type { ClusterRequest, ResourceTypeRef } from '../client/types';
import {
  ClusterRequestError,
  isClusterRequestError,
} from '../client/ClusterRequestError';
import { parseApiVersion } from '../client/resourcePath';
import type {
  ResolvedResource,
  ResolveOptions,
  ResourceDiscovery,
} from './types';

interface ApiResource {
  name: string;
  kind: string;
  namespaced: boolean;
  verbs?: string[];
}

interface GroupInfo {
  preferredVersion?: string;
  versions: string[];
}

interface Entry<T> {
  value: Promise<T>;
  expiresAt: number;
}

const NOT_SERVED = Symbol('not served');

/** Options of {@link CachedResourceDiscovery}. */
interface CachedResourceDiscoveryOptions {
  clusterName: string;
  requestJson: <T>(request: ClusterRequest) => Promise<T>;
  /** Lifetime of positive answers. */
  ttlMs: number;
  /** Lifetime of "not served" answers, so that a newly installed CRD is found soon. */
  negativeTtlMs?: number;
  now?: () => number;
}

/**
 * Discovery from `/api`, `/apis`, `/api/v1` and `/apis/<group>/<version>`, cached per cluster.
 * Concurrent look-ups share one request; failures other than "not served" are not cached.
 */
export class CachedResourceDiscovery implements ResourceDiscovery {
  private readonly options: CachedResourceDiscoveryOptions;
  private readonly now: () => number;
  private groups?: Entry<Map<string, GroupInfo>>;
  private readonly resources = new Map<
    string,
    Entry<ApiResource[] | typeof NOT_SERVED>
  >();

  constructor(options: CachedResourceDiscoveryOptions) {
    this.options = options;
    this.now = options.now ?? Date.now;
  }

  async resolve(
    type: ResourceTypeRef,
    options: ResolveOptions = {},
  ): Promise<ResolvedResource> {
    const { group, version: explicitVersion } =
      'apiVersion' in type
        ? parseApiVersion(type.apiVersion)
        : { group: type.group, version: type.version };
    if (options.fresh) {
      if (explicitVersion === undefined) this.groups = undefined;
      else this.resources.delete(`${group}|${explicitVersion}`);
    }
    const version =
      explicitVersion ??
      (await this.preferredVersion(group, type.kind, options));
    if (options.fresh && explicitVersion === undefined) {
      this.resources.delete(`${group}|${version}`);
    }
    const resources = await this.groupVersionResources(group, version, options);
    const groupVersion = group ? `${group}/${version}` : version;
    if (resources === NOT_SERVED) {
      throw this.crdMissing(
        `${groupVersion} is not served (is the CRD for ${type.kind} installed?)`,
        `${type.kind}.${groupVersion}`,
      );
    }
    const match = resources.find(
      r => r.kind === type.kind && !r.name.includes('/'),
    );
    if (!match) {
      throw this.crdMissing(
        `kind ${type.kind} is not served by ${groupVersion} (is its CRD installed?)`,
        `${type.kind}.${groupVersion}`,
      );
    }
    return {
      group,
      version,
      kind: match.kind,
      plural: match.name,
      namespaced: match.namespaced,
      verbs: match.verbs ?? [],
    };
  }

  invalidate(group?: string): void {
    if (group === undefined) {
      this.groups = undefined;
      this.resources.clear();
      return;
    }
    this.groups = undefined;
    for (const key of [...this.resources.keys()]) {
      if (key.split('|')[0] === group) this.resources.delete(key);
    }
  }

  private async preferredVersion(
    group: string,
    kind: string,
    options: { signal?: AbortSignal },
  ): Promise<string> {
    const groups = await this.cached(
      () => this.groups,
      entry => {
        this.groups = entry;
      },
      () => this.fetchGroups(options),
      () => this.options.ttlMs,
    );
    const info = groups.get(group);
    const version = info?.preferredVersion ?? info?.versions[0];
    if (!version) {
      // A group that is not there yet may be installed soon: look again after the negative TTL.
      if (this.groups) {
        this.groups.expiresAt = Math.min(
          this.groups.expiresAt,
          this.now() + this.negativeTtl(),
        );
      }
      throw this.crdMissing(
        `API group ${
          group || '(core)'
        } is not served (is the CRD for ${kind} installed?)`,
        group ? `${kind}.${group}` : kind,
      );
    }
    return version;
  }

  private async fetchGroups(options: {
    signal?: AbortSignal;
  }): Promise<Map<string, GroupInfo>> {
    const [core, named] = await Promise.all([
      this.options.requestJson<{ versions?: string[] }>({
        path: '/api',
        signal: options.signal,
      }),
      this.options.requestJson<{
        groups?: Array<{
          name: string;
          versions?: Array<{ version: string }>;
          preferredVersion?: { version: string };
        }>;
      }>({ path: '/apis', signal: options.signal }),
    ]);
    const groups = new Map<string, GroupInfo>();
    groups.set('', {
      preferredVersion: core.versions?.[0],
      versions: core.versions ?? [],
    });
    for (const g of named.groups ?? []) {
      groups.set(g.name, {
        preferredVersion: g.preferredVersion?.version,
        versions: (g.versions ?? []).map(v => v.version),
      });
    }
    return groups;
  }

  private groupVersionResources(
    group: string,
    version: string,
    options: { signal?: AbortSignal },
  ): Promise<ApiResource[] | typeof NOT_SERVED> {
    const key = `${group}|${version}`;
    return this.cached(
      () => this.resources.get(key),
      entry => {
        this.resources.set(key, entry);
      },
      async () => {
        try {
          const list = await this.options.requestJson<{
            resources?: ApiResource[];
          }>({
            path: group ? `/apis/${group}/${version}` : `/api/${version}`,
            signal: options.signal,
          });
          return list.resources ?? [];
        } catch (error) {
          if (
            isClusterRequestError(error) &&
            error.clusterError.type === 'crd-missing'
          ) {
            return NOT_SERVED;
          }
          throw error;
        }
      },
      value => (value === NOT_SERVED ? this.negativeTtl() : this.options.ttlMs),
    );
  }

  /** Returns a fresh cached promise or starts a fetch; rejected fetches are dropped. */
  private cached<T>(
    get: () => Entry<T> | undefined,
    set: (entry: Entry<T>) => void,
    fetch: () => Promise<T>,
    ttl: (value: T) => number,
  ): Promise<T> {
    const existing = get();
    if (existing && existing.expiresAt > this.now()) {
      return existing.value;
    }
    const entry: Entry<T> = {
      value: fetch(),
      expiresAt: Number.POSITIVE_INFINITY,
    };
    set(entry);
    entry.value.then(
      value => {
        entry.expiresAt = this.now() + ttl(value);
      },
      () => {
        if (get() === entry) entry.expiresAt = 0;
      },
    );
    return entry.value;
  }

  private negativeTtl(): number {
    return this.options.negativeTtlMs ?? Math.min(30_000, this.options.ttlMs);
  }

  private crdMissing(message: string, resource: string): ClusterRequestError {
    return new ClusterRequestError({
      cluster: this.options.clusterName,
      clusterError: { type: 'crd-missing', message, resource },
    });
  }
}

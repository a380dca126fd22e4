import type { LoggerService } from '@backstage/backend-plugin-api';
import { NotFoundError } from '@backstage/errors';
import { DefaultApplyEngine } from '../apply/DefaultApplyEngine';
import type { ApplyEngine } from '../apply/types';
import { KubernetesClusterClient } from '../client/KubernetesClusterClient';
import type { ClusterClient } from '../client/types';
import type { PlatformMeshConfig, PlatformMeshTarget } from '../config/types';
import { DispatchCredentialProvider } from '../credentials/DispatchCredentialProvider';
import type { PlatformMeshCredentialProvider } from '../credentials/types';
import type { PlatformMeshClustersService } from './types';

/**
 * Options of {@link DefaultPlatformMeshClustersService}.
 *
 * @public
 */
export interface DefaultPlatformMeshClustersServiceOptions {
  config: PlatformMeshConfig;
  logger?: LoggerService;
}

/**
 * The default {@link PlatformMeshClustersService}: one lazily created client per cluster, all
 * sharing the credential providers registered on this instance.
 *
 * @public
 */
export class DefaultPlatformMeshClustersService
  implements PlatformMeshClustersService
{
  readonly config: PlatformMeshConfig;
  readonly applyEngine: ApplyEngine;
  private readonly credentials = new DispatchCredentialProvider();
  private readonly clients = new Map<string, KubernetesClusterClient>();
  private readonly logger?: LoggerService;

  constructor(options: DefaultPlatformMeshClustersServiceOptions) {
    this.config = options.config;
    this.logger = options.logger;
    this.applyEngine = new DefaultApplyEngine({
      getClient: name => this.findClient(name),
      logger: options.logger,
    });
  }

  addCredentialProvider(
    authProvider: string,
    provider: PlatformMeshCredentialProvider,
  ): void {
    this.credentials.addCredentialProvider(authProvider, provider);
  }

  listClusterNames(): string[] {
    return this.config.clusters.map(c => c.name);
  }

  listTargets(): PlatformMeshTarget[] {
    return [...this.config.targets];
  }

  getTarget(name: string): PlatformMeshTarget {
    const target = this.config.targets.find(t => t.name === name);
    if (!target) {
      throw new NotFoundError(
        `Platform Mesh target "${name}" is not configured`,
      );
    }
    return target;
  }

  getClient(cluster: string): ClusterClient {
    const client = this.findClient(cluster);
    if (!client) {
      throw new NotFoundError(`Cluster "${cluster}" is not configured`);
    }
    return client;
  }

  /** Clusters whose `authProvider` no registered or built-in provider handles. */
  clustersWithoutCredentialProvider(): string[] {
    return this.config.clusters
      .filter(c => !this.credentials.supports(c.authProvider))
      .map(c => c.name);
  }

  /** Closes idle connections of every client. */
  close(): void {
    for (const client of this.clients.values()) client.close();
    this.clients.clear();
  }

  private findClient(name: string): ClusterClient | undefined {
    const existing = this.clients.get(name);
    if (existing) return existing;
    const cluster = this.config.clusters.find(c => c.name === name);
    if (!cluster) return undefined;
    const client = new KubernetesClusterClient({
      cluster,
      credentialProvider: this.credentials,
      requestTimeoutMs: this.config.requestTimeoutMs,
      discoveryTtlMs: this.config.resyncSeconds * 1000,
    });
    this.clients.set(name, client);
    this.logger?.debug(`Created Kubernetes client for cluster "${name}"`);
    return client;
  }
}

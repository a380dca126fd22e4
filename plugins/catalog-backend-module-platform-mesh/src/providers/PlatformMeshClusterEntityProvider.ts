import type { Entity } from '@backstage/catalog-model';
import type {
  EntityProvider,
  EntityProviderConnection,
} from '@backstage/plugin-catalog-node';
import { type TargetSummary } from '@platform-mesh-backstage/plugin-platform-mesh-common';
import { buildClusterEntities } from '@platform-mesh-backstage/plugin-platform-mesh-common/alpha';

/**
 * Options of {@link PlatformMeshClusterEntityProvider}.
 *
 * @public
 */
export interface PlatformMeshClusterEntityProviderOptions {
  /** The selected targets; each of their clusters becomes one entity. */
  targets: TargetSummary[];
  /** `spec.owner` of the cluster entities. */
  owner: string;
  /** False: emit none (and remove those emitted before), the catalog has them from elsewhere. */
  enabled: boolean;
}

/**
 * Emits one `Resource` of type `kubernetes-cluster` per cluster the selected targets use
 * (`buildClusterEntities`), the entities instance entities `dependsOn`. Built from config only (no
 * cluster is read), as one full mutation on connect; with `enabled: false` that mutation is
 * empty, so cluster entities emitted earlier go away.
 *
 * @public
 */
export class PlatformMeshClusterEntityProvider implements EntityProvider {
  static readonly providerName = 'platform-mesh:clusters';

  constructor(
    private readonly options: PlatformMeshClusterEntityProviderOptions,
  ) {}

  getProviderName(): string {
    return PlatformMeshClusterEntityProvider.providerName;
  }

  async connect(connection: EntityProviderConnection): Promise<void> {
    const location = PlatformMeshClusterEntityProvider.providerName;
    const entities = this.options.enabled
      ? buildClusterEntities(this.options.targets, {
          owner: this.options.owner,
          location,
        })
      : [];
    await connection.applyMutation({
      type: 'full',
      entities: entities.map(entity => ({
        entity: entity as unknown as Entity,
        locationKey: location,
      })),
    });
  }
}

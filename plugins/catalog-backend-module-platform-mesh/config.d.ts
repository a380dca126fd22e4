import type { SchedulerServiceTaskScheduleDefinitionConfig } from '@backstage/backend-plugin-api';

export interface Config {
  catalog?: {
    providers?: {
      /**
       * The Platform Mesh entity provider (`@platform-mesh-backstage/plugin-catalog-backend-module-platform-mesh`):
       * one `Resource` entity per PlatformMesh of the selected targets, read from each target's
       * runtime cluster. The apply action reads `namePattern` too, for its entity link.
       * @visibility backend
       */
      platformMesh?: {
        /**
         * The `platformMesh.targets` whose instances become entities. Defaults to every target;
         * `[]` emits none.
         * @visibility backend
         */
        targets?: string[];
        /**
         * `spec.owner` of an instance whose PlatformMesh has no valid `platform-mesh.io/owner`
         * annotation, and of the cluster entities. An entity ref; defaults to
         * `group:default/platform-team`.
         * @visibility backend
         */
        defaultOwner?: string;
        /**
         * Entity name pattern with `{target}`, `{namespace}` and `{name}`; defaults to
         * `{target}-{namespace}-{name}`. Must contain `{name}`, `{target}` when several targets
         * are selected and `{namespace}` when a target allows more than one namespace.
         * @visibility backend
         */
        namePattern?: string;
        /**
         * Emit a `Resource` of type `kubernetes-cluster` per cluster the targets use (default
         * true). Set false when the catalog already has them as `resource:default/<cluster name>`.
         * @visibility backend
         */
        clusterEntities?: boolean;
        /**
         * When the full refresh runs (on one replica). Defaults to every 30 minutes.
         * @visibility backend
         */
        schedule?: SchedulerServiceTaskScheduleDefinitionConfig;
      };
    };
  };
}

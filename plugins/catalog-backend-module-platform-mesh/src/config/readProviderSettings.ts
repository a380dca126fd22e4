import {
  readSchedulerServiceTaskScheduleDefinitionFromConfig,
  type SchedulerServiceTaskScheduleDefinition,
} from '@backstage/backend-plugin-api';
import type { Config } from '@backstage/config';
import { InputError } from '@backstage/errors';
import {
  DEFAULT_INSTANCE_ENTITY_NAME_PATTERN,
  DEFAULT_PLATFORM_MESH_ENTITY_OWNER,
  entityRefProblem,
  PLATFORM_MESH_CATALOG_CONFIG_KEY,
} from '@platform-mesh-backstage/plugin-platform-mesh-common/alpha';
import type { PlatformMeshTarget } from '@platform-mesh-backstage/plugin-platform-mesh-node';

/**
 * The full refresh's schedule unless `catalog.providers.platformMesh.schedule` says otherwise:
 * every 30 minutes (the watches deliver changes within seconds in between).
 *
 * @public
 */
export const DEFAULT_PLATFORM_MESH_PROVIDER_SCHEDULE: SchedulerServiceTaskScheduleDefinition =
  {
    frequency: { minutes: 30 },
    timeout: { minutes: 5 },
    initialDelay: { minutes: 1 },
  };

/**
 * `catalog.providers.platformMesh` after validation, with its defaults applied.
 *
 * @public
 */
export interface PlatformMeshProviderSettings {
  /** The targets whose instances become entities, in `platformMesh.targets` order. */
  targets: PlatformMeshTarget[];
  defaultOwner: string;
  namePattern: string;
  clusterEntities: boolean;
  schedule: SchedulerServiceTaskScheduleDefinition;
}

function isPlainNamespaceList(target: PlatformMeshTarget): boolean {
  const namespaces = target.namespaces.length
    ? target.namespaces
    : [target.namespace];
  return namespaces.length === 1 && !namespaces[0].includes('*');
}

/**
 * Reads and checks `catalog.providers.platformMesh` against the configured targets. Every problem
 * is an `InputError` naming the key, so a wrong setting fails the backend's start instead of
 * emitting wrong or colliding entities.
 *
 * @param config - the root config
 * @param targets - the configured `platformMesh.targets`
 * @public
 */
export function readProviderSettings(
  config: Config,
  targets: PlatformMeshTarget[],
): PlatformMeshProviderSettings {
  const key = PLATFORM_MESH_CATALOG_CONFIG_KEY;
  const own = config.getOptionalConfig(key);
  const names = own?.getOptionalStringArray('targets');
  let selected = targets;
  if (names) {
    const unknown = names.filter(n => !targets.some(t => t.name === n));
    if (unknown.length) {
      throw new InputError(
        `${key}.targets names ${unknown
          .map(n => `"${n}"`)
          .join(', ')}, which platformMesh.targets does not configure`,
      );
    }
    selected = targets.filter(t => names.includes(t.name));
  }

  const defaultOwner =
    own?.getOptionalString('defaultOwner')?.trim() ||
    DEFAULT_PLATFORM_MESH_ENTITY_OWNER;
  const ownerProblem = entityRefProblem(defaultOwner);
  if (ownerProblem) {
    throw new InputError(
      `${key}.defaultOwner "${defaultOwner}" ${ownerProblem}`,
    );
  }

  const namePattern =
    own?.getOptionalString('namePattern')?.trim() ||
    DEFAULT_INSTANCE_ENTITY_NAME_PATTERN;
  const missing: string[] = [];
  if (!namePattern.includes('{name}')) missing.push('{name}');
  if (selected.length > 1 && !namePattern.includes('{target}'))
    missing.push('{target} (several targets are selected)');
  if (
    selected.some(t => !isPlainNamespaceList(t)) &&
    !namePattern.includes('{namespace}')
  )
    missing.push('{namespace} (a target allows several namespaces)');
  if (missing.length) {
    throw new InputError(
      `${key}.namePattern "${namePattern}" must contain ${missing.join(
        ' and ',
      )}, or two instances would get the same entity name`,
    );
  }

  const scheduleConfig = own?.getOptionalConfig('schedule');
  return {
    targets: selected,
    defaultOwner,
    namePattern,
    clusterEntities: own?.getOptionalBoolean('clusterEntities') ?? true,
    schedule: scheduleConfig
      ? readSchedulerServiceTaskScheduleDefinitionFromConfig(scheduleConfig)
      : DEFAULT_PLATFORM_MESH_PROVIDER_SCHEDULE,
  };
}

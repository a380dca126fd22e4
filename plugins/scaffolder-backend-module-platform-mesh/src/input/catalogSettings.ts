import type { RootConfigService } from '@backstage/backend-plugin-api';
import { InputError } from '@backstage/errors';
import {
  normalizeEntityRef,
  PLATFORM_MESH_CATALOG_CONFIG_KEY,
} from '@platform-mesh-backstage/plugin-platform-mesh-common/alpha';

/** The catalog settings the actions share with the catalog entity provider. */
interface CatalogSettings {
  /** `namePattern`: the instance entity's name pattern (`{target}`, `{namespace}`, `{name}`). */
  namePattern?: string;
  /** `defaultOwner`: a Group or User ref, the owner when a template names none. */
  defaultOwner?: string;
}

/**
 * Reads `catalog.providers.platformMesh.namePattern` and `.defaultOwner`, the settings the catalog
 * entity provider names and owns instance entities by, so the apply action links to the entity the
 * provider emits.
 *
 * @param config - the root config
 * @throws InputError for a default owner that is not a Group or User ref
 */
export function readCatalogSettings(
  config: RootConfigService,
): CatalogSettings {
  const section = config.getOptionalConfig(PLATFORM_MESH_CATALOG_CONFIG_KEY);
  const namePattern = section?.getOptionalString('namePattern');
  const owner = section?.getOptionalString('defaultOwner');
  let defaultOwner: string | undefined;
  if (owner !== undefined) {
    const checked = normalizeEntityRef(owner, ['group', 'user'], 'group');
    if (!checked.ok) {
      throw new InputError(
        `${PLATFORM_MESH_CATALOG_CONFIG_KEY}.defaultOwner ${checked.message}`,
      );
    }
    defaultOwner = checked.ref;
  }
  return {
    ...(namePattern ? { namePattern } : {}),
    ...(defaultOwner ? { defaultOwner } : {}),
  };
}

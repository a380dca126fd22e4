import { type InstanceRef } from '@platform-mesh-backstage/plugin-platform-mesh-common';
import {
  formatInstanceEntityName,
  normalizeEntityRef,
  PLATFORM_MESH_CATALOG_ENTITY_ANNOTATION,
  PLATFORM_MESH_OWNER_ANNOTATION,
  PLATFORM_MESH_SOURCE_TEMPLATE_ANNOTATION,
} from '@platform-mesh-backstage/plugin-platform-mesh-common/alpha';
import type { Problem } from './inputProblems';
import { readField } from './readFields';

/** Where the instance's catalog entity comes from (`catalogEntity` of the render action). */
export type CatalogEntitySource = 'provider' | 'repository';

/** The catalog entity of an instance and what the PlatformMesh records for it. */
export interface InstanceCatalogInput {
  /** The entity name: `entityName`, else the provider's name pattern applied to the instance. */
  name: string;
  /** `spec.owner`: `owner`, else the configured default owner, else the initiator. */
  owner: string;
  /** The template that created the instance (`sourceTemplate`, else the running template). */
  sourceTemplate?: string;
  /** Annotations for the PlatformMesh: the owner and source template the template recorded. */
  annotations: Record<string, string>;
}

/** The catalog-related inputs, checked; the rest is completed once the instance is known. */
export interface CatalogFields {
  entityName?: string;
  owner?: string;
  sourceTemplate?: string;
}

/**
 * Reads `owner` (a Group or User entity ref, as `OwnerPicker` returns it; a bare name is a group)
 * and `sourceTemplate` (a Template entity ref), both normalized to full refs, and `entityName`.
 *
 * @param raw - the action input
 * @param problems - where problems are added
 * @param defaults - the running template's entity ref (`ctx.templateInfo.entityRef`)
 */
export function readCatalogFields(
  raw: Record<string, unknown>,
  problems: Problem[],
  defaults: { sourceTemplate?: string } = {},
): CatalogFields {
  const entityName = readField<string>(raw, 'entityName', 'string', problems);
  if (
    entityName !== undefined &&
    !/^[A-Za-z0-9][-A-Za-z0-9_.]{0,62}$/.test(entityName)
  ) {
    problems.push({
      field: 'entityName',
      message:
        'must be a catalog entity name (letters, digits, -, _ and ., at most 63)',
    });
  }
  const result: CatalogFields = { entityName };
  const owner = readField<string>(raw, 'owner', 'string', problems);
  if (owner !== undefined) {
    const checked = normalizeEntityRef(owner, ['group', 'user'], 'group');
    if (checked.ok) result.owner = checked.ref;
    else problems.push({ field: 'owner', message: checked.message });
  }
  const sourceTemplate =
    readField<string>(raw, 'sourceTemplate', 'string', problems) ??
    defaults.sourceTemplate;
  if (sourceTemplate !== undefined) {
    const checked = normalizeEntityRef(sourceTemplate, ['template']);
    if (checked.ok) result.sourceTemplate = checked.ref;
    else problems.push({ field: 'sourceTemplate', message: checked.message });
  }
  return result;
}

/**
 * The instance's catalog entity: its name (the provider's pattern unless `entityName` is given),
 * owner and source template, and the annotations the PlatformMesh carries for the provider.
 *
 * @param ref - the instance
 * @param fields - the checked catalog fields
 * @param options - the name pattern and default owner from config, the initiator, the entity source
 */
export function instanceCatalogInput(
  ref: InstanceRef,
  fields: CatalogFields,
  options: {
    namePattern?: string;
    defaultOwner?: string;
    initiator?: string;
    catalogEntity?: CatalogEntitySource;
  },
): InstanceCatalogInput {
  const annotations: Record<string, string> = {};
  if (fields.owner) annotations[PLATFORM_MESH_OWNER_ANNOTATION] = fields.owner;
  if (fields.sourceTemplate) {
    annotations[PLATFORM_MESH_SOURCE_TEMPLATE_ANNOTATION] =
      fields.sourceTemplate;
  }
  if (options.catalogEntity === 'repository') {
    annotations[PLATFORM_MESH_CATALOG_ENTITY_ANNOTATION] = 'repository';
  }
  return {
    name:
      fields.entityName ?? formatInstanceEntityName(ref, options.namePattern),
    owner:
      fields.owner ?? options.defaultOwner ?? options.initiator ?? 'unknown',
    ...(fields.sourceTemplate ? { sourceTemplate: fields.sourceTemplate } : {}),
    annotations,
  };
}

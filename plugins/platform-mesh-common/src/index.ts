/**
 * The stable contract of the Platform Mesh for Backstage plugins: the types of the backend's HTTP
 * API (instance status, conditions, releases, diagnostics, operator logs, reconcile requests) and
 * of the Kubernetes objects they describe, the entity annotation and the permissions. Pure, no I/O;
 * safe in the browser.
 *
 * The engines the plugin packages build on (rendering, validation, health, diagnostics, catalog
 * entities, decommission plans) are in the `/alpha` entry point, without stability promises.
 *
 * @packageDocumentation
 */

export * from './types/kubernetes';
export * from './types/platformMesh';
export * from './types/status';
export * from './types/operatorLogs';
export * from './types/reconcile';
export * from './types/flux';
export * from './types/argo';
export {
  PLATFORM_MESH_INSTANCE_ANNOTATION,
  PLATFORM_MESH_GVK,
} from './constants';
export * from './annotation';
export * from './permissions';
export { formatFinalizers } from './status/instanceDeletion';

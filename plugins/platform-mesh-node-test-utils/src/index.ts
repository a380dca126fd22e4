/**
 * Test utilities for code built on `@platform-mesh-backstage/plugin-platform-mesh-node`: an
 * in-memory Kubernetes API server for msw (discovery, get/list with label and name selectors, idle
 * watches, server-side apply with dry run and conflicts, TokenRequest, access reviews, pod logs,
 * DELETE with finalizers, request journal), and cluster clients built from config entries the way
 * the plugins build them. Install it as a devDependency.
 *
 * @packageDocumentation
 */

export {
  APPLICATION_RESOURCE,
  CORE_RESOURCES,
  FLUX_RESOURCES,
  FakeCluster,
  HELM_RELEASE_RESOURCE,
  PLATFORM_MESH_RESOURCE,
  RBAC_RESOURCES,
  fakeJwt,
  type FakeResource,
  type Interceptor,
  type RecordedRequest,
} from './FakeKubernetes';
export { clientsFor, writeStatus, type ClusterConfigEntry } from './clusters';
export { OCM_RESOURCE, withDeletes, type FakeDeletes } from './fakeDelete';

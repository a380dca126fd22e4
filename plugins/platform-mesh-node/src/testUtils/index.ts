/**
 * Test utilities: an in-memory Kubernetes API server for msw, so that code using the Platform Mesh
 * cluster client can be tested without a cluster (discovery, get/list with label and name
 * selectors, idle watches, server-side apply with dry run and conflicts, TokenRequest, access
 * reviews, pod logs, request journal).
 *
 * @packageDocumentation
 */
export * from './FakeKubernetes';
export * from './clusters';
export * from '../delete/testing/fakeDelete';

/**
 * Pure, typed logic shared by the Platform Mesh for Backstage plugins: types, rendering,
 * validation, health, diagnostics and permissions. No I/O.
 *
 * @packageDocumentation
 */

export * from './types/kubernetes';
export * from './types/platformMesh';
export * from './types/status';
export * from './types/operatorLogs';
export * from './types/reconcile';
export * from './constants';
export * from './annotation';
export * from './permissions';
export * from './types/flux';
export * from './types/argo';
export * from './types/profile';
export * from './types/setup';
export * from './health';
export * from './snapshot';
export * from './diagnostics';
export * from './status';
export * from './profile';
export * from './render';
export * from './validation';
export * from './targets';
export * from './operatorLogs';
export * from './catalog';
export * from './decommission';

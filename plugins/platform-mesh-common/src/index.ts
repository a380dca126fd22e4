/**
 * Pure, typed logic shared by the Platform Mesh for Backstage plugins: types, rendering,
 * validation, health, diagnostics and permissions. No I/O.
 *
 * @packageDocumentation
 */

export * from './types/kubernetes';
export * from './types/platformMesh';
export * from './types/status';
export * from './constants';
export * from './annotation';
export * from './permissions';

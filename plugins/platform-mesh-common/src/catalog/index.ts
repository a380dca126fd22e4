export * from './annotations';
export * from './instanceEntityName';
export * from './entityName';
export * from './entityRef';
export * from './catalogEntity';
export * from './clusterEntity';
export * from './instanceEntity';
export * from './portalUrl';

export * from './annotations';
export * from './instanceEntityName';

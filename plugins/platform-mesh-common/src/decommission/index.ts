export * from './types';
export * from './ownership';
export * from './planDecommission';

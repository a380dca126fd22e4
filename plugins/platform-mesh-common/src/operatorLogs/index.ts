export * from './operatorContainer';

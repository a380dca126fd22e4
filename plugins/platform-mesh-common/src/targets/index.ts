export { namespaceAllowed } from './namespacePatterns';

export { namespaceAllowed, namespacePatternProblem } from './namespacePatterns';

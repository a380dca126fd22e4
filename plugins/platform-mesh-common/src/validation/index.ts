export {
  isBase64,
  isDataKey,
  isDnsLabel,
  isDnsSubdomain,
  isDomainName,
  isGoDuration,
  isHttpUrl,
} from './rules';
export {
  MAX_ECHOED_CHARACTERS,
  quoteForMessage,
  truncateForMessage,
} from './echo';
export { normalizeEntityRef } from './entityRef';
export type { EntityRefCheck } from './entityRef';
export { INPUT_LIMITS } from './limits';
export { SetupValidationError } from './SetupValidationError';
export type { SetupValidationResult, ValidationProblem } from './types';
export {
  BROKEN_FEATURE_TOGGLES,
  KNOWN_FEATURE_TOGGLES,
} from './validateSpecFields';
export {
  profileDeploymentTechnology,
  validateProfileYaml,
} from './validateProfileYaml';
export type { ValidateProfileYamlOptions } from './validateProfileYaml';
export { validateSetup } from './validateSetup';

export {
  buildProfile,
  enabledServiceNames,
  DEFAULT_COMPONENTS_TIMEOUT,
  DEFAULT_OCM_NAME,
} from './buildProfile';
export type { BuildProfileContext } from './buildProfile';
export {
  defaultInfraComponents,
  PROFILE_INFRA_COMPONENTS,
} from './infraDefaults';
export type { InfraDefaultsContext } from './infraDefaults';
export {
  KNOWN_SERVICES,
  DEFAULT_ENABLED_SERVICES,
  isKnownService,
} from './knownServices';
export type { KnownServiceName } from './knownServices';
export { parseProfileYaml, readProfile } from './parseProfileYaml';
export type { ParsedProfileYaml } from './parseProfileYaml';
export {
  CNPG_CHART_REPOSITORY,
  defaultServiceConfigs,
} from './serviceDefaults';
export type { ServiceDefaultsContext } from './serviceDefaults';
export { stringifyProfile } from './stringifyProfile';
export { findUnquotedTemplates } from './templates';
export type { UnquotedTemplate } from './templates';

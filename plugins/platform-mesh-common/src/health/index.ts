export {
  getConditions,
  findCondition,
  isConditionTrue,
  observedGenerationOf,
  isGenerationBehind,
} from './conditions';
export { HEALTH_ORDER, compareHealth, worseHealth } from './healthOrder';
export { kstatusHealth, PROGRESSING_WITH_RETRY_REASON } from './kstatusHealth';
export { helmReleaseHealth, describeHelmRelease } from './helmRelease';
export { helmReleaseFailureCount } from './helmReleaseFailures';
export { sourceHealth, describeSource } from './source';
export { kustomizationHealth, describeKustomization } from './kustomization';
export {
  applicationHealth,
  applicationTargetsRemoteCluster,
  describeApplication,
} from './application';
export {
  PIPELINE_STEPS,
  LEGACY_CONDITION_SUFFIX,
  conditionStepHealth,
  conditionPipeline,
} from './conditionPipeline';
export { platformMeshHealth } from './platformMeshHealth';
export { firstBlockingStep } from './firstBlockingStep';
export { overallHealth, type HealthParts } from './overallHealth';
export {
  boundedText,
  finiteNumber,
  isRecord,
  MAX_STATUS_TEXT_LENGTH,
} from './text';

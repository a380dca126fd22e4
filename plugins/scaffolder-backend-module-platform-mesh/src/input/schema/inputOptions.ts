import { z } from 'zod/v3';
import { setupInputProperties } from '../../actions/inputProperties';

/**
 * What the checks take from the action's input schema (`setupInputProperties`), so the two agree:
 * the values of its enums and the keys of its mappings.
 */

const enumValues = (
  property: 'protocol' | 'deploymentTechnology' | 'credentials',
): readonly string[] => setupInputProperties[property](z).unwrap().options;

const mappingKeys = (property: 'secretNames' | 'kubeconfigSecrets') =>
  Object.keys(setupInputProperties[property](z).unwrap().shape);

/** `protocol`: http, https. */
export const PROTOCOLS = enumValues('protocol');
/** `deploymentTechnology`: fluxcd, argocd. */
export const DEPLOYMENT_TECHNOLOGIES = enumValues('deploymentTechnology');
/** `credentials`: serviceAccount, secrets, none. */
export const CREDENTIALS_MODES = enumValues('credentials');
/** The Secrets whose names and keys `secretNames` may override. */
export const SECRET_NAME_KEYS = mappingKeys('secretNames');
/** The kubeconfigs `kubeconfigSecrets` names task secrets for. */
export const KUBECONFIG_SECRET_KEYS = mappingKeys('kubeconfigSecrets');

/** `a, b or c`. */
export const orList = (values: readonly string[]) =>
  values.length > 1
    ? `${values.slice(0, -1).join(', ')} or ${values[values.length - 1]}`
    : values.join('');

/** A service name that is not a known service: an RFC 1123 label. */
export const SERVICE_NAME = /^[a-z0-9]([-a-z0-9]*[a-z0-9])?$/;

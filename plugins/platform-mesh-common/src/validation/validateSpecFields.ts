import {
  checkArray,
  checkDnsLabel,
  checkObject,
  checkString,
  checkStringMap,
  describeType,
  type Problems,
} from './checks';
import { quoteForMessage } from './echo';
import { INPUT_LIMITS } from './limits';
import { joinPath } from './path';
import { isDomainName } from './rules';

/**
 * Feature toggles the operator recognises but ships no manifests for: using them fails the
 * FeatureToggleSubroutine (operator v0.81.14).
 */
export const BROKEN_FEATURE_TOGGLES: readonly string[] = [
  'feature-enable-marketplace-account',
  'feature-enable-marketplace-org',
];

/**
 * Feature toggles the operator acts on (operator v0.81.14): the FeatureToggleSubroutine applies
 * `manifests/features/<toggle>/` for the `feature-enable-*` and `feature-accounts-*` ones, KcpSetup
 * reads the `feature-disable-*` ones. Other names are only logged by the operator.
 */
export const KNOWN_FEATURE_TOGGLES: readonly string[] = [
  'feature-enable-getting-started',
  'feature-accounts-in-accounts',
  'feature-enable-account-iam-ui',
  'feature-enable-terminal-controller-manager',
  'feature-disable-email-verification',
  'feature-disable-contentconfigurations',
];

/**
 * The form of a feature toggle name: `feature-` and lower-case letters, digits and `-` (the name
 * of a manifest folder of the operator), at most 63 characters.
 */
const FEATURE_TOGGLE_NAME = /^feature-[a-z0-9]([-a-z0-9]*[a-z0-9])?$/;

/**
 * Validates `exposure`: all three fields (the operator uses them without defaults once set),
 * `baseDomain` a DNS name without scheme, port or path, `port` an integer 1-65535, `protocol`
 * `http` or `https`.
 *
 * @internal
 */
export function validateExposure(
  value: unknown,
  path: string,
  problems: Problems,
): void {
  const exposure = checkObject(value, path, problems, {
    keys: ['baseDomain', 'port', 'protocol'],
  });
  if (!exposure) return;
  const domainPath = joinPath(path, 'baseDomain');
  const domain = checkString(exposure.baseDomain, domainPath, problems, true);
  if (domain !== undefined) {
    if (domain.includes('://')) {
      problems.push({
        path: domainPath,
        message: `${quoteForMessage(
          domain,
        )} must be a domain name without a scheme; set exposure.protocol instead`,
      });
    } else if (domain.includes(':')) {
      problems.push({
        path: domainPath,
        message: `${quoteForMessage(
          domain,
        )} must be a domain name without a port; set exposure.port instead`,
      });
    } else if (domain.includes('/')) {
      problems.push({
        path: domainPath,
        message: `${quoteForMessage(
          domain,
        )} must be a domain name without a path`,
      });
    } else if (!isDomainName(domain)) {
      problems.push({
        path: domainPath,
        message: `${quoteForMessage(
          domain,
        )} is not a valid domain name: dot-separated labels of letters, digits and '-' (each at most 63, starting and ending with a letter or digit), e.g. portal.localhost or portal.example.com`,
      });
    }
  }
  const portPath = joinPath(path, 'port');
  if (exposure.port === undefined) {
    problems.push({ path: portPath, message: 'is required' });
  } else if (
    typeof exposure.port !== 'number' ||
    !Number.isInteger(exposure.port) ||
    exposure.port < 1 ||
    exposure.port > 65535
  ) {
    problems.push({
      path: portPath,
      message: `must be an integer from 1 to 65535, got ${
        typeof exposure.port === 'number'
          ? exposure.port
          : describeType(exposure.port)
      }`,
    });
  }
  const protocolPath = joinPath(path, 'protocol');
  if (exposure.protocol === undefined) {
    problems.push({ path: protocolPath, message: 'is required' });
  } else if (exposure.protocol !== 'http' && exposure.protocol !== 'https') {
    problems.push({
      path: protocolPath,
      message: `must be http or https, got ${quoteForMessage(
        exposure.protocol,
      )}`,
    });
  }
}

/**
 * Validates `ocm` (`repo.name`, `component.name`, `referencePath[].name`).
 *
 * @internal
 */
export function validateOcm(
  value: unknown,
  path: string,
  problems: Problems,
): void {
  const ocm = checkObject(value, path, problems, {
    keys: ['repo', 'component', 'referencePath'],
  });
  if (!ocm) return;
  for (const key of ['repo', 'component']) {
    const itemPath = joinPath(path, key);
    const ref = checkObject(ocm[key], itemPath, problems, { keys: ['name'] });
    if (ref) checkString(ref.name, joinPath(itemPath, 'name'), problems);
  }
  const refPath = joinPath(path, 'referencePath');
  checkArray(ocm.referencePath, refPath, problems)?.forEach((item, index) => {
    const itemPath = joinPath(refPath, index);
    const entry = checkObject(item, itemPath, problems, {
      required: true,
      keys: ['name'],
    });
    if (entry)
      checkString(entry.name, joinPath(itemPath, 'name'), problems, true);
  });
}

/**
 * Validates `featureToggles`: at most {@link INPUT_LIMITS}.maxFeatureToggles entries, names
 * required, unique and of the operator's form (`feature-...`, at most 63 characters), parameters
 * bounded string maps, no toggle the operator cannot apply. A well-formed name the operator does
 * not know is a warning (the operator only logs it).
 *
 * @internal
 */
export function validateFeatureToggles(
  value: unknown,
  path: string,
  problems: Problems,
  warnings: Problems = [],
): void {
  const seen = new Set<string>();
  checkArray(
    value,
    path,
    problems,
    false,
    INPUT_LIMITS.maxFeatureToggles,
  )?.forEach((item, index) => {
    const itemPath = joinPath(path, index);
    const toggle = checkObject(item, itemPath, problems, {
      required: true,
      keys: ['name', 'parameters'],
    });
    if (!toggle) return;
    const namePath = joinPath(itemPath, 'name');
    let name = checkString(toggle.name, namePath, problems, true);
    if (
      name !== undefined &&
      (name.length > INPUT_LIMITS.maxFeatureToggleNameLength ||
        !FEATURE_TOGGLE_NAME.test(name))
    ) {
      problems.push({
        path: namePath,
        message: `${quoteForMessage(
          name,
        )} is not a feature toggle name: "feature-" followed by lower-case letters, digits and '-', at most ${
          INPUT_LIMITS.maxFeatureToggleNameLength
        } characters, e.g. feature-enable-getting-started`,
      });
      name = undefined;
    }
    if (name !== undefined) {
      if (
        !KNOWN_FEATURE_TOGGLES.includes(name) &&
        !BROKEN_FEATURE_TOGGLES.includes(name)
      ) {
        warnings.push({
          path: namePath,
          message: `${name} is not a feature toggle operator v0.81.14 knows (${KNOWN_FEATURE_TOGGLES.join(
            ', ',
          )}); it only logs unknown toggles`,
        });
      }
      if (seen.has(name)) {
        problems.push({
          path: joinPath(itemPath, 'name'),
          message: `feature toggle ${name} is listed twice`,
        });
      }
      seen.add(name);
      if (BROKEN_FEATURE_TOGGLES.includes(name)) {
        problems.push({
          path: joinPath(itemPath, 'name'),
          message: `${name} is recognised by the operator but its manifests do not exist, so the FeatureToggleSubroutine fails`,
        });
      }
    }
    if (toggle.parameters !== undefined) {
      checkStringMap(
        toggle.parameters,
        joinPath(itemPath, 'parameters'),
        problems,
      );
    }
  });
}

const WAIT_KEYS = [
  'group',
  'version',
  'kind',
  'name',
  'namespace',
  'matchLabels',
  'matchExpressions',
  'conditionStatus',
  'conditionType',
] as const;

/**
 * Validates `wait.resourceTypes` (flat `group`/`version`/`kind` form).
 *
 * @internal
 */
export function validateWait(
  value: unknown,
  path: string,
  problems: Problems,
): void {
  const wait = checkObject(value, path, problems, { keys: ['resourceTypes'] });
  if (!wait) return;
  const listPath = joinPath(path, 'resourceTypes');
  checkArray(wait.resourceTypes, listPath, problems)?.forEach((item, index) => {
    const itemPath = joinPath(listPath, index);
    const rt = checkObject(item, itemPath, problems, {
      required: true,
      keys: WAIT_KEYS,
    });
    if (!rt) return;
    if (typeof rt.group !== 'string') {
      problems.push({
        path: joinPath(itemPath, 'group'),
        message: 'is required (use "" for the core group)',
      });
    }
    checkString(rt.version, joinPath(itemPath, 'version'), problems, true);
    checkString(rt.kind, joinPath(itemPath, 'kind'), problems, true);
    checkString(rt.name, joinPath(itemPath, 'name'), problems);
    checkDnsLabel(rt.namespace, joinPath(itemPath, 'namespace'), problems);
    checkString(
      rt.conditionType,
      joinPath(itemPath, 'conditionType'),
      problems,
    );
    if (rt.matchLabels !== undefined)
      checkStringMap(
        rt.matchLabels,
        joinPath(itemPath, 'matchLabels'),
        problems,
      );
    if (
      rt.conditionStatus !== undefined &&
      !['True', 'False', 'Unknown'].includes(rt.conditionStatus as string)
    ) {
      problems.push({
        path: joinPath(itemPath, 'conditionStatus'),
        message: 'must be True, False or Unknown',
      });
    }
    const exprPath = joinPath(itemPath, 'matchExpressions');
    checkArray(rt.matchExpressions, exprPath, problems)?.forEach(
      (expr, exprIndex) => {
        const ePath = joinPath(exprPath, exprIndex);
        const e = checkObject(expr, ePath, problems, {
          required: true,
          keys: ['key', 'operator', 'values'],
        });
        if (!e) return;
        checkString(e.key, joinPath(ePath, 'key'), problems, true);
        if (
          !['In', 'NotIn', 'Exists', 'DoesNotExist'].includes(
            e.operator as string,
          )
        ) {
          problems.push({
            path: joinPath(ePath, 'operator'),
            message: 'must be In, NotIn, Exists or DoesNotExist',
          });
        }
        const values = checkArray(
          e.values,
          joinPath(ePath, 'values'),
          problems,
        );
        values?.forEach((v, vIndex) => {
          if (typeof v !== 'string') {
            problems.push({
              path: joinPath(joinPath(ePath, 'values'), vIndex),
              message: 'must be a string',
            });
          }
        });
      },
    );
  });
}

import { z } from 'zod/v4';
import {
  checkArray,
  checkObject,
  checkStringMap,
  describeType,
  type Problems,
} from './checks';
import { quoteForMessage } from './echo';
import { INPUT_LIMITS } from './limits';
import { joinPath } from './path';
import { isDomainName } from './rules';
import { dnsLabel } from './schema/names';
import {
  ifNoProblemYet,
  list,
  mapping,
  stringMap,
  text,
} from './schema/shapes';
import { parseInto } from './schema/toProblems';

/**
 * Feature toggles the operator recognises but ships no manifests for: using them fails the
 * FeatureToggleSubroutine (operator v0.81.14).
 */
const BROKEN_FEATURE_TOGGLES: readonly string[] = [
  'feature-enable-marketplace-account',
  'feature-enable-marketplace-org',
];

/**
 * Feature toggles the operator acts on (operator v0.81.14): the FeatureToggleSubroutine applies
 * `manifests/features/<toggle>/` for the `feature-enable-*` and `feature-accounts-*` ones, KcpSetup
 * reads the `feature-disable-*` ones. Other names are only logged by the operator.
 */
const KNOWN_FEATURE_TOGGLES: readonly string[] = [
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

function quoted(problem: string) {
  return (issue: { input?: unknown }) =>
    `${quoteForMessage(issue.input)} ${problem}`;
}

/** `exposure.baseDomain`: a DNS name, the first of these rules it breaks reported. */
const baseDomain = text()
  .refine(domain => !domain.includes('://'), {
    error: quoted(
      'must be a domain name without a scheme; set exposure.protocol instead',
    ),
    ...ifNoProblemYet,
  })
  .refine(domain => !domain.includes(':'), {
    error: quoted(
      'must be a domain name without a port; set exposure.port instead',
    ),
    ...ifNoProblemYet,
  })
  .refine(domain => !domain.includes('/'), {
    error: quoted('must be a domain name without a path'),
    ...ifNoProblemYet,
  })
  .refine(isDomainName, {
    error: quoted(
      "is not a valid domain name: dot-separated labels of letters, digits and '-' (each at most 63, starting and ending with a letter or digit), e.g. portal.localhost or portal.example.com",
    ),
    ...ifNoProblemYet,
  });

function portMessage(issue: { input?: unknown }): string {
  if (issue.input === undefined) return 'is required';
  return `must be an integer from 1 to 65535, got ${
    typeof issue.input === 'number' ? issue.input : describeType(issue.input)
  }`;
}

/**
 * `exposure`: all three fields (the operator uses them without defaults once set), `baseDomain` a
 * DNS name without scheme, port or path, `port` an integer 1-65535, `protocol` `http` or `https`.
 */
const exposureSchema = mapping({
  baseDomain,
  port: z
    .number({ error: portMessage })
    .refine(port => Number.isInteger(port) && port >= 1 && port <= 65535, {
      error: portMessage,
    }),
  protocol: z.enum(['http', 'https'], {
    error: issue =>
      issue.input === undefined
        ? 'is required'
        : `must be http or https, got ${quoteForMessage(issue.input)}`,
  }),
});

/**
 * A feature toggle name: `feature-` and lower-case letters, digits and `-`, at most
 * {@link INPUT_LIMITS}.maxFeatureToggleNameLength characters.
 */
const toggleName = text().refine(
  name =>
    name.length <= INPUT_LIMITS.maxFeatureToggleNameLength &&
    FEATURE_TOGGLE_NAME.test(name),
  {
    error: quoted(
      `is not a feature toggle name: "feature-" followed by lower-case letters, digits and '-', at most ${INPUT_LIMITS.maxFeatureToggleNameLength} characters, e.g. feature-enable-getting-started`,
    ),
    ...ifNoProblemYet,
  },
);

/**
 * Validates `exposure` (all three fields, a DNS name without scheme, port or path, a port
 * 1-65535, http or https).
 *
 * @internal
 */
export function validateExposure(
  value: unknown,
  path: string,
  problems: Problems,
): void {
  parseInto(exposureSchema, value, path, problems);
}

const ocmRef = mapping({ name: text().optional() });

/** `ocm`: `repo.name`, `component.name`, `referencePath[].name`. */
const ocmSchema = mapping({
  repo: ocmRef.optional(),
  component: ocmRef.optional(),
  referencePath: list(mapping({ name: text() })).optional(),
});

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
  parseInto(ocmSchema, value, path, problems);
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
    const name = parseInto(toggleName, toggle.name, namePath, problems)
      ? (toggle.name as string)
      : undefined;
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

const matchExpression = mapping({
  key: text(),
  operator: z.enum(['In', 'NotIn', 'Exists', 'DoesNotExist'], {
    error: 'must be In, NotIn, Exists or DoesNotExist',
  }),
  values: list(z.string({ error: 'must be a string' })).optional(),
});

/** One `wait.resourceTypes` entry (flat `group`/`version`/`kind` form). */
const resourceType = mapping(
  {
    group: z.string({ error: 'is required (use "" for the core group)' }),
    version: text(),
    kind: text(),
    name: text().optional(),
    namespace: dnsLabel.optional(),
    conditionType: text().optional(),
    matchLabels: stringMap.optional(),
    conditionStatus: z
      .enum(['True', 'False', 'Unknown'], {
        error: 'must be True, False or Unknown',
      })
      .optional(),
    matchExpressions: list(matchExpression).optional(),
  },
  true,
  WAIT_KEYS,
);

const waitSchema = mapping({ resourceTypes: list(resourceType).optional() });

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
  parseInto(waitSchema, value, path, problems);
}

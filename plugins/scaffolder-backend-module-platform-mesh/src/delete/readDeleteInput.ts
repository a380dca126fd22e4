import { NotFoundError } from '@backstage/errors';
import {
  parseInstanceRef,
  type InstanceRef,
} from '@platform-mesh-backstage/plugin-platform-mesh-common';
import {
  isDnsLabel,
  isDnsSubdomain,
  truncateForMessage,
} from '@platform-mesh-backstage/plugin-platform-mesh-common/alpha';
import type {
  PlatformMeshClustersService,
  PlatformMeshTarget,
} from '@platform-mesh-backstage/plugin-platform-mesh-node';
import { toInputError, type Problem } from '../input/inputProblems';
import { readField, readNumberField } from '../input/readFields';
import { assertTargetNamespace } from '../input/targetNamespace';

/** Default of `waitTimeoutSeconds`: how long each step waits for its objects to be gone. */
const DEFAULT_DELETE_WAIT_SECONDS = 300;
/** The longest `waitTimeoutSeconds` allowed. */
const MAX_DELETE_WAIT_SECONDS = 3600;

/** The checked input of `platform-mesh:delete`. */
interface DeleteInput {
  target: PlatformMeshTarget;
  ref: InstanceRef;
  waitTimeoutSeconds: number;
  removeFinalizer: boolean;
}

/**
 * Reads and checks the input of `platform-mesh:delete` before any cluster call: `instanceRef`
 * (`<target>/<namespace>/<name>`, the catalog annotation) or `target` + `name` (+ `namespace`,
 * default the target's), which must agree when both are given; RFC 1123 names; a configured
 * target whose namespace allow-list has the namespace; `confirm` equal to the name when given;
 * `waitTimeoutSeconds` from 1 to 3600; `removeFinalizer` a boolean.
 *
 * @param raw - the action input
 * @param clusters - the clusters service (its configured targets)
 * @throws InputError naming every problem
 * @internal
 */
export function readDeleteInput(
  raw: Record<string, unknown>,
  clusters: Pick<PlatformMeshClustersService, 'getTarget'>,
): DeleteInput {
  const problems: Problem[] = [];
  const instanceRef = readField<string>(raw, 'instanceRef', 'string', problems);
  let fromRef: InstanceRef | undefined;
  if (instanceRef !== undefined) {
    fromRef = parseInstanceRef(instanceRef);
    if (!fromRef) {
      problems.push({
        field: 'instanceRef',
        message: `must be <target>/<namespace>/<name>, got "${truncateForMessage(
          instanceRef,
        )}"`,
      });
    }
  }
  const required = instanceRef === undefined;
  const target = readField<string>(raw, 'target', 'string', problems, {
    required,
  });
  const name = readField<string>(raw, 'name', 'string', problems, { required });
  const namespace = readField<string>(raw, 'namespace', 'string', problems);
  for (const [field, given, fromAnnotation] of [
    ['target', target, fromRef?.target],
    ['name', name, fromRef?.name],
    ['namespace', namespace, fromRef?.namespace],
  ] as const) {
    if (
      given !== undefined &&
      fromAnnotation !== undefined &&
      given !== fromAnnotation
    ) {
      problems.push({
        field,
        message: `"${truncateForMessage(
          given,
        )}" does not match instanceRef ("${truncateForMessage(
          fromAnnotation,
        )}")`,
      });
    }
  }
  const targetName = fromRef?.target ?? target;
  const instanceName = fromRef?.name ?? name;
  if (instanceName !== undefined && !isDnsSubdomain(instanceName)) {
    problems.push({
      field: 'name',
      message:
        'must be an RFC 1123 subdomain (lower case letters, digits, "-" and ".")',
    });
  }
  let configured: PlatformMeshTarget | undefined;
  if (targetName !== undefined) {
    try {
      configured = clusters.getTarget(targetName);
    } catch (error) {
      if (
        !(error instanceof NotFoundError) &&
        (error as Error)?.name !== 'NotFoundError'
      )
        throw error;
      problems.push({
        field: 'target',
        message: `"${truncateForMessage(
          targetName,
        )}" is not a configured target (platformMesh.targets)`,
      });
    }
  }
  const instanceNamespace =
    fromRef?.namespace ?? namespace ?? configured?.namespace;
  if (instanceNamespace !== undefined && !isDnsLabel(instanceNamespace)) {
    problems.push({
      field: 'namespace',
      message: 'must be an RFC 1123 label (lower case letters, digits and "-")',
    });
  }
  const confirm = readField<string>(raw, 'confirm', 'string', problems);
  if (
    confirm !== undefined &&
    instanceName !== undefined &&
    confirm !== instanceName
  ) {
    problems.push({
      field: 'confirm',
      message: `must repeat the instance name "${truncateForMessage(
        instanceName,
      )}" exactly`,
    });
  }
  const waitTimeoutSeconds =
    readNumberField(raw, 'waitTimeoutSeconds', problems, {
      min: 1,
      max: MAX_DELETE_WAIT_SECONDS,
    }) ?? DEFAULT_DELETE_WAIT_SECONDS;
  const removeFinalizer =
    readField<boolean>(raw, 'removeFinalizer', 'boolean', problems) ?? false;
  if (
    problems.length > 0 ||
    !configured ||
    !instanceName ||
    !instanceNamespace
  ) {
    throw toInputError(problems);
  }
  assertTargetNamespace(configured, instanceNamespace);
  return {
    target: configured,
    ref: {
      target: configured.name,
      namespace: instanceNamespace,
      name: instanceName,
    },
    waitTimeoutSeconds,
    removeFinalizer,
  };
}

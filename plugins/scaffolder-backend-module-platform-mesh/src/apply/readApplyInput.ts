import type { PlatformMeshClustersService } from '@platform-mesh-backstage/plugin-platform-mesh-node';
import { DEFAULT_TOKEN_EXPIRATION_SECONDS } from '../credentials/serviceAccountTokens';
import {
  readField,
  readNumberField,
  readSetupInput,
  type Problem,
  type SetupInput,
} from '../input/readSetupInput';

/** The apply-only options of the action input, with their defaults applied. */
export interface ApplyOptions {
  tokenExpirationSeconds: number;
  rotateTokens: boolean;
  force: boolean;
  waitForReady: boolean;
  timeoutSeconds: number;
  pollIntervalSeconds: number;
}

function readApplyOptions(raw: unknown, problems: Problem[]): ApplyOptions {
  const input = (raw ?? {}) as Record<string, unknown>;
  const num = (
    name: string,
    fallback: number,
    min: number,
    max: number,
    integer = true,
  ) =>
    readNumberField(input, name, problems, { min, max, integer }) ?? fallback;
  const bool = (name: string) =>
    readField<boolean>(input, name, 'boolean', problems) ?? false;
  return {
    tokenExpirationSeconds: num(
      'tokenExpirationSeconds',
      DEFAULT_TOKEN_EXPIRATION_SECONDS,
      600,
      10 * 365 * 24 * 3600,
    ),
    rotateTokens: bool('rotateTokens'),
    force: bool('force'),
    waitForReady: bool('waitForReady'),
    timeoutSeconds: num('timeoutSeconds', 900, 1, 24 * 3600),
    pollIntervalSeconds: num('pollIntervalSeconds', 5, 0.05, 300, false),
  };
}

/**
 * Reads the input of `platform-mesh:apply`: the apply options and the setup. Every problem of
 * both is reported at once, before any cluster call.
 *
 * @param raw - the action input
 * @param context - the clusters service, the task secrets and the initiator (the default owner)
 * @throws InputError listing every problem
 * @internal
 */
export function readApplyInput(
  raw: unknown,
  context: {
    clusters: PlatformMeshClustersService;
    secrets?: Record<string, string | undefined>;
    owner?: string;
    /** `catalog.providers.platformMesh.defaultOwner` */
    configuredOwner?: string;
    /** `catalog.providers.platformMesh.namePattern` */
    namePattern?: string;
    /** The running template's entity ref. */
    sourceTemplate?: string;
  },
): { options: ApplyOptions; input: SetupInput } {
  const problems: Problem[] = [];
  const options = readApplyOptions(raw, problems);
  const input = readSetupInput(raw, {
    clusters: context.clusters,
    secrets: context.secrets,
    defaultCredentials: 'serviceAccount',
    defaultOwner: context.owner,
    configuredOwner: context.configuredOwner,
    namePattern: context.namePattern,
    sourceTemplate: context.sourceTemplate,
    extraProblems: problems,
  });
  return { options, input };
}

import type { LoggerService } from '@backstage/backend-plugin-api';
import type {
  InstalledProviderConnectionForms,
  ResolvedPlatformMeshSetup,
  SetupKubeconfigs,
} from '@platform-mesh-backstage/plugin-platform-mesh-common/alpha';
import type {
  DryRunResult,
  PlatformMeshClustersService,
} from '@platform-mesh-backstage/plugin-platform-mesh-node';
import type { ServiceAccountToken } from '../credentials/serviceAccountTokens';
import type { SetupInput } from '../input/readSetupInput';
import type { ApplyPlan } from './applyPlan';
import type { ObjectReads } from './objectReads';
import type { ObjectRoles } from './objectRoles';
import type { ApplyOptions } from './readApplyInput';

// The state of one apply, in its own file: the phases (credentials, installed form, dry run,
// writes) import it, and `applyRun.ts` imports those phases, so it cannot live there.

/**
 * What the phases of one apply share.
 *
 * @internal
 */
export interface ApplyRun extends ObjectRoles {
  clusters: PlatformMeshClustersService;
  options: ApplyOptions;
  input: SetupInput;
  resolved: ResolvedPlatformMeshSetup;
  /** The instance annotation; names the checkpoints. */
  annotation: string;
  /** `credentials: serviceAccount`: the Secrets carry ServiceAccount tokens. */
  useServiceAccounts: boolean;
  /** The kubeconfigs the Secrets carry, before tokens are filled in; none when none are written. */
  baseKubeconfigs?: SetupKubeconfigs;
  /** The current plan: the dry run replaces it once the tokens to preview are known. */
  plan: ApplyPlan;
  /**
   * The dry run of the plan, once done: the writes reuse it (one dry run per object) and check the
   * objects it deferred (their namespace did not exist yet) right after the Namespaces.
   */
  verified?: DryRunResult;
  /**
   * The tokens the dry run previewed (ServiceAccount credentials): the writes keep the reusable
   * ones and mint the rest without reading the Secrets and ServiceAccounts again.
   */
  previewedTokens?: ServiceAccountToken[];
  /** Reads before the first write, each sent once (ownership check, token preview). */
  reads: ObjectReads;
  /** The provider connection forms the runtime cluster's PlatformMesh CRD declares (preflight). */
  providerConnectionForms?: InstalledProviderConnectionForms;
  /** The plan with these kubeconfigs in the Secrets (the setup alone when there are none). */
  planFor(kubeconfigs?: SetupKubeconfigs): ApplyPlan;
  logger: LoggerService;
  signal?: AbortSignal;
}

import type { KubernetesObject } from './kubernetes';

/**
 * The in-cluster API server address Argo CD uses for the cluster it runs on. An operator-rendered
 * Application that still points here deploys to the infra cluster, not to the runtime cluster.
 *
 * @public
 */
export const ARGOCD_IN_CLUSTER_SERVER = 'https://kubernetes.default.svc';

/**
 * One source of an Argo CD Application.
 *
 * @public
 */
export interface ApplicationSource {
  repoURL: string;
  path?: string;
  targetRevision?: string;
  chart?: string;
  ref?: string;
  helm?: {
    releaseName?: string;
    values?: string;
    valuesObject?: Record<string, unknown>;
    valueFiles?: string[];
    parameters?: Array<{ name: string; value: string; forceString?: boolean }>;
    skipCrds?: boolean;
  };
}

/**
 * Where an Application deploys: `server` (API URL) or `name` (a registered cluster's name).
 *
 * @public
 */
export interface ApplicationDestination {
  server?: string;
  namespace?: string;
  name?: string;
}

/**
 * Argo CD sync status of an Application.
 *
 * @public
 */
export type ApplicationSyncStatusCode = 'Synced' | 'OutOfSync' | 'Unknown';

/**
 * Argo CD health status of an Application (or of a resource it manages).
 *
 * @public
 */
export type ApplicationHealthStatusCode =
  | 'Healthy'
  | 'Progressing'
  | 'Degraded'
  | 'Suspended'
  | 'Missing'
  | 'Unknown';

/**
 * Phase of the Application's current or last sync operation.
 *
 * @public
 */
export type ApplicationOperationPhase =
  | 'Running'
  | 'Terminating'
  | 'Failed'
  | 'Error'
  | 'Succeeded';

/**
 * An Application condition. Unlike `metav1.Condition` it has no status: its presence is the signal.
 * Types ending in `Error` (`ComparisonError`, `InvalidSpecError`, `SyncError`, …) are errors, types
 * ending in `Warning` are warnings.
 *
 * @public
 */
export interface ApplicationCondition {
  type: string;
  message: string;
  lastTransitionTime?: string;
}

/**
 * An `argoproj.io/v1alpha1` Application.
 *
 * @public
 */
export interface Application extends KubernetesObject {
  kind: 'Application';
  spec?: {
    project?: string;
    source?: ApplicationSource;
    sources?: ApplicationSource[];
    destination: ApplicationDestination;
    syncPolicy?: {
      automated?: { prune?: boolean; selfHeal?: boolean; enabled?: boolean };
      syncOptions?: string[];
      retry?: Record<string, unknown>;
    };
    ignoreDifferences?: Array<Record<string, unknown>>;
  };
  status?: {
    sync?: {
      status: ApplicationSyncStatusCode;
      revision?: string;
      revisions?: string[];
    };
    health?: {
      status?: ApplicationHealthStatusCode;
      message?: string;
      lastTransitionTime?: string;
    };
    operationState?: {
      phase: ApplicationOperationPhase;
      message?: string;
      startedAt?: string;
      finishedAt?: string;
      retryCount?: number;
    };
    conditions?: ApplicationCondition[];
    reconciledAt?: string;
    sourceType?: string;
  };
}

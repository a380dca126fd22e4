import type {
  ClusterError,
  KubernetesObject,
} from '@platform-mesh-backstage/plugin-platform-mesh-common';
import type { DiffEntry } from './diffObjects';

/**
 * One object to apply and the cluster it goes to.
 *
 * @public
 */
export interface ApplyItem {
  /** The configured cluster name. */
  cluster: string;
  /** The complete desired object (server-side apply sends it as is). */
  object: KubernetesObject;
}

/**
 * What applying an object did (or, in a dry run, would do).
 *
 * @public
 */
export type ApplyAction = 'created' | 'configured' | 'unchanged';

/**
 * A field another field manager owns.
 *
 * @public
 */
export interface FieldConflict {
  /** The field path, e.g. `.data.profile.yaml`. */
  field: string;
  /** The field manager that owns it, e.g. `kubectl-client-side-apply`. */
  manager?: string;
}

/**
 * Server-side apply refused to change fields that another field manager owns (HTTP 409).
 *
 * @public
 */
export interface ApplyConflict {
  type: 'conflict';
  message: string;
  statusCode: 409;
  conflicts: FieldConflict[];
  /** The distinct owning managers. */
  managers: string[];
}

/**
 * The object is invalid for the cluster (HTTP 422, or a scope mismatch found by discovery).
 *
 * @public
 */
export interface ApplyInvalid {
  type: 'invalid';
  message: string;
  statusCode?: number;
  causes: Array<{ field?: string; message: string }>;
}

/**
 * Why one object could not be (dry-run) applied.
 *
 * @public
 */
export type ApplyObjectError = ClusterError | ApplyConflict | ApplyInvalid;

/**
 * A failure, typed per cluster and object.
 *
 * @public
 */
export interface ApplyFailure {
  cluster: string;
  /** `Kind namespace/name` (or `Kind name` when cluster-scoped). Never carries Secret data. */
  object: string;
  error: ApplyObjectError;
}

/**
 * Options of the apply engine's calls.
 *
 * @public
 */
export interface ApplyOptions {
  /** Take over conflicting fields from other managers. Off unless the caller asks. */
  force?: boolean;
  /** Defaults to `backstage-platform-mesh`. */
  fieldManager?: string;
  signal?: AbortSignal;
}

/**
 * Options of {@link ApplyEngine.dryRun}.
 *
 * @public
 */
export interface DryRunOptions extends ApplyOptions {
  /**
   * Read each object before its dry run to tell `unchanged` from `configured` and to compute the
   * diff (one GET per object). Defaults to true. Without it, an existing object is reported as
   * `configured` with an empty diff: whether the apply changes it is known only after the write.
   */
  diff?: boolean;
}

/**
 * Options of {@link ApplyEngine.apply}.
 *
 * @public
 */
export interface ApplyWriteOptions extends ApplyOptions {
  /**
   * A dry run of these objects done earlier by the caller (with the same options). Objects it
   * checked are not dry-run again; objects it deferred or does not name are dry-run before any
   * write that is not one of their Namespaces.
   */
  verified?: DryRunResult;
}

/**
 * One resolved step of a plan.
 *
 * @public
 */
export interface PlanStep {
  cluster: string;
  object: string;
  /** `plural.group`, e.g. `platformmeshes.core.platform-mesh.io`. */
  resource: string;
  version: string;
  namespaced: boolean;
}

/**
 * The result of {@link ApplyEngine.plan}: every object resolved against its cluster's discovery.
 *
 * @public
 */
export interface PlanResult {
  ok: boolean;
  steps: PlanStep[];
  failures: ApplyFailure[];
}

/**
 * The dry-run outcome of one object.
 *
 * @public
 */
export interface DryRunObjectResult {
  cluster: string;
  object: string;
  action: ApplyAction;
  /** Changes against the current object; Secret values are redacted. */
  diff: DiffEntry[];
  /** Remarks, e.g. that the namespace is created by an earlier object of the same apply. */
  notes?: string[];
  /** Whether the object existed before (the dry run answered with a resourceVersion). */
  existed?: boolean;
  /** The resourceVersion the object had before, when it existed. */
  resourceVersion?: string;
}

/**
 * An object the dry run could not send to the server yet: its namespace does not exist and is
 * created by a Namespace object earlier in the same apply.
 *
 * @public
 */
export interface DeferredObject {
  cluster: string;
  object: string;
  /** The namespace it waits for. */
  namespace: string;
}

/**
 * The result of {@link ApplyEngine.dryRun}: all failures on all clusters, nothing written.
 *
 * @public
 */
export interface DryRunResult {
  ok: boolean;
  /** Every object the dry run passed, and every deferred one (with a note). */
  results: DryRunObjectResult[];
  failures: ApplyFailure[];
  /**
   * Objects in a namespace that does not exist yet: listed in `results` with a note, but not
   * checked by the server. {@link ApplyEngine.apply} writes their Namespaces first, then
   * dry-runs them before any other write.
   */
  deferred: DeferredObject[];
}

/**
 * The outcome of applying one object.
 *
 * @public
 */
export interface ApplyObjectResult {
  cluster: string;
  object: string;
  action: ApplyAction;
  resourceVersion?: string;
}

/**
 * The result of {@link ApplyEngine.apply}.
 *
 * @public
 */
export interface ApplyResult {
  ok: boolean;
  /**
   * The dry run that preceded the writes. When it failed, nothing was written but, on a first
   * install, the Namespaces listed in `applied` (written so the objects in them could be checked).
   */
  dryRun: DryRunResult;
  /** What was applied, in order. */
  applied: ApplyObjectResult[];
  /** The failure that stopped the apply, if any. */
  failure?: ApplyFailure;
  /** Objects that were not applied because of a failure. */
  notApplied: Array<{ cluster: string; object: string }>;
}

/**
 * The one apply engine: server-side apply with this project's field manager, a dry run of every
 * object on every cluster before the first write (only the Namespaces that objects of the apply
 * live in may be written before the objects in them are checked), ordered apply that stops at the
 * first failure.
 *
 * @public
 */
export interface ApplyEngine {
  /** Validates the objects and resolves each against its cluster's discovery. No writes. */
  plan(items: ApplyItem[], options?: ApplyOptions): Promise<PlanResult>;
  /**
   * Server-side apply with `dryRun=All` of every object; collects every failure. No writes.
   * Objects in a namespace the same apply creates are deferred (see {@link DryRunResult.deferred}).
   */
  dryRun(items: ApplyItem[], options?: DryRunOptions): Promise<DryRunResult>;
  /**
   * Dry-runs every object (reusing `verified`), writes the Namespaces deferred objects need, dry-runs
   * those, and only if all passed applies the rest in order, stopping at the first failure.
   */
  apply(items: ApplyItem[], options?: ApplyWriteOptions): Promise<ApplyResult>;
}

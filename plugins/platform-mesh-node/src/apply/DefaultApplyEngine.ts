import type { LoggerService } from '@backstage/backend-plugin-api';
import { InputError } from '@backstage/errors';
import {
  FIELD_MANAGER,
  type KubernetesObject,
} from '@platform-mesh-backstage/plugin-platform-mesh-common';
import { isClusterRequestError } from '../client/ClusterRequestError';
import { resourceName } from '../client/resourcePath';
import type { ClusterClient } from '../client/types';
import type { ResolvedResource } from '../discovery/types';
import { describeObject } from './describeObject';
import { diffObjects } from './diffObjects';
import { normalizeObject, ownership } from './normalizeObject';
import { secretValues } from './secretValues';
import { toApplyError } from './toApplyError';
import type {
  ApplyAction,
  ApplyEngine,
  ApplyFailure,
  ApplyItem,
  ApplyObjectResult,
  ApplyOptions,
  ApplyResult,
  DryRunObjectResult,
  DryRunResult,
  PlanResult,
} from './types';

/**
 * Options of {@link DefaultApplyEngine}.
 *
 * @public
 */
export interface DefaultApplyEngineOptions {
  /** The client of a configured cluster, or undefined for an unknown name. */
  getClient(cluster: string): ClusterClient | undefined;
  logger?: LoggerService;
  /** Defaults to `backstage-platform-mesh`. */
  fieldManager?: string;
}

interface Planned {
  index: number;
  item: ApplyItem;
  label: string;
  client: ClusterClient;
  resource: ResolvedResource;
}

interface DryRunState {
  /** Whether the object existed before (undefined: could not tell). */
  existed: boolean;
  /** The resourceVersion the object had before, when it existed. */
  resourceVersion?: string;
}

/**
 * The apply engine on top of the cluster clients. See {@link ApplyEngine} for its guarantees.
 *
 * @public
 */
export class DefaultApplyEngine implements ApplyEngine {
  private readonly options: DefaultApplyEngineOptions;

  constructor(options: DefaultApplyEngineOptions) {
    this.options = options;
  }

  async plan(
    items: ApplyItem[],
    options: ApplyOptions = {},
  ): Promise<PlanResult> {
    const { planned, failures } = await this.planInternal(items, options);
    return {
      ok: failures.length === 0,
      steps: planned.map(p => ({
        cluster: p.item.cluster,
        object: p.label,
        resource: resourceName(p.resource),
        version: p.resource.version,
        namespaced: p.resource.namespaced,
      })),
      failures: failures.map(f => f.failure),
    };
  }

  async dryRun(
    items: ApplyItem[],
    options: ApplyOptions = {},
  ): Promise<DryRunResult> {
    return (await this.dryRunInternal(items, options)).result;
  }

  async apply(
    items: ApplyItem[],
    options: ApplyOptions = {},
  ): Promise<ApplyResult> {
    const {
      result: dryRun,
      planned,
      states,
    } = await this.dryRunInternal(items, options);
    if (!dryRun.ok) {
      this.log(
        'warn',
        `Nothing applied: the dry run failed for ${dryRun.failures.length} object(s)`,
      );
      return {
        ok: false,
        dryRun,
        applied: [],
        notApplied: items.map(item => ({
          cluster: item.cluster,
          object: describeObject(item.object),
        })),
      };
    }
    const secrets = secretValues(items.map(i => i.object));
    const applied: ApplyObjectResult[] = [];
    for (let i = 0; i < planned.length; i++) {
      const step = planned[i];
      const state = states.get(step.index);
      let response: KubernetesObject;
      try {
        response = await step.client.apply(step.item.object, {
          fieldManager: this.fieldManager(options),
          force: options.force,
          signal: options.signal,
        });
      } catch (error) {
        const failure: ApplyFailure = {
          cluster: step.item.cluster,
          object: step.label,
          error: toApplyError(error, secrets),
        };
        this.log(
          'warn',
          `Apply of ${step.label} on cluster "${step.item.cluster}" failed: ${failure.error.type}: ${failure.error.message}`,
        );
        return {
          ok: false,
          dryRun,
          applied,
          failure,
          notApplied: planned.slice(i + 1).map(p => ({
            cluster: p.item.cluster,
            object: p.label,
          })),
        };
      }
      const resourceVersion = response.metadata?.resourceVersion;
      let action: ApplyAction = 'configured';
      if (!state?.existed) {
        action = 'created';
      } else if (
        state.resourceVersion &&
        state.resourceVersion === resourceVersion
      ) {
        action = 'unchanged';
      }
      applied.push({
        cluster: step.item.cluster,
        object: step.label,
        action,
        ...(resourceVersion ? { resourceVersion } : {}),
      });
      this.log(
        'info',
        `Applied ${step.label} on cluster "${step.item.cluster}": ${action}`,
      );
    }
    return { ok: true, dryRun, applied, notApplied: [] };
  }

  private async dryRunInternal(items: ApplyItem[], options: ApplyOptions) {
    const { planned, failures } = await this.planInternal(items, options);
    for (const { failure } of failures) {
      this.log(
        'warn',
        `Dry run of ${failure.object} on cluster "${failure.cluster}" failed: ${failure.error.type}: ${failure.error.message}`,
      );
    }
    const secrets = secretValues(items.map(i => i.object));
    const results = new Map<number, DryRunObjectResult>();
    const states = new Map<number, DryRunState>();
    const failed = new Map<number, ApplyFailure>(
      failures.map(f => [f.index, f.failure]),
    );

    await Promise.all(
      planned.map(async step => {
        const outcome = await this.dryRunOne(step, items, options, secrets);
        if ('failure' in outcome) {
          failed.set(step.index, outcome.failure);
          this.log(
            'warn',
            `Dry run of ${step.label} on cluster "${step.item.cluster}" failed: ${outcome.failure.error.type}: ${outcome.failure.error.message}`,
          );
        } else {
          results.set(step.index, outcome.result);
          states.set(step.index, outcome.state);
          this.log(
            'info',
            `Dry run of ${step.label} on cluster "${step.item.cluster}": ${outcome.result.action}`,
          );
        }
      }),
    );

    const byIndex = <T>(map: Map<number, T>) =>
      [...map.entries()].sort(([a], [b]) => a - b).map(([, v]) => v);
    const result: DryRunResult = {
      ok: failed.size === 0,
      results: byIndex(results),
      failures: byIndex(failed),
    };
    return { result, planned, states };
  }

  private async dryRunOne(
    step: Planned,
    items: ApplyItem[],
    options: ApplyOptions,
    secrets: string[],
  ): Promise<
    | { result: DryRunObjectResult; state: DryRunState }
    | { failure: ApplyFailure }
  > {
    const { item, client, label } = step;
    const fail = (error: unknown) => ({
      failure: {
        cluster: item.cluster,
        object: label,
        error: toApplyError(error, secrets),
      },
    });
    const meta = item.object.metadata;

    let before: KubernetesObject | undefined;
    let beforeKnown = true;
    try {
      before = await client.tryGet(
        {
          apiVersion: item.object.apiVersion,
          kind: item.object.kind,
          name: meta.name,
          namespace: meta.namespace,
        },
        { signal: options.signal },
      );
    } catch (error) {
      // Server-side apply does not need read access; without it we cannot diff, but can still apply.
      if (
        !(
          isClusterRequestError(error) &&
          error.clusterError.type === 'forbidden'
        )
      ) {
        return fail(error);
      }
      beforeKnown = false;
    }

    let after: KubernetesObject;
    try {
      after = await client.apply(item.object, {
        dryRun: true,
        fieldManager: this.fieldManager(options),
        force: options.force,
        signal: options.signal,
      });
    } catch (error) {
      if (this.namespaceCreatedEarlier(error, step, items)) {
        return {
          result: {
            cluster: item.cluster,
            object: label,
            action: 'created',
            diff: diffObjects(undefined, item.object),
            notes: [
              `namespace ${meta.namespace} does not exist yet; it is created by an earlier object of this apply, so this object could only be checked after it`,
            ],
          },
          state: { existed: false },
        };
      }
      return fail(error);
    }

    const dryRunVersion = after.metadata?.resourceVersion;
    const existed = beforeKnown
      ? before !== undefined
      : Boolean(dryRunVersion && dryRunVersion !== '0');
    let action: ApplyAction;
    if (!existed) {
      action = 'created';
    } else if (
      before &&
      JSON.stringify(normalizeObject(before)) ===
        JSON.stringify(normalizeObject(after)) &&
      ownership(before) === ownership(after)
    ) {
      action = 'unchanged';
    } else {
      action = 'configured';
    }
    const notes = beforeKnown
      ? undefined
      : ['no read access: the change could not be previewed'];
    return {
      result: {
        cluster: item.cluster,
        object: label,
        action,
        diff: before
          ? diffObjects(before, after)
          : diffObjects(undefined, beforeKnown ? after : item.object),
        ...(notes ? { notes } : {}),
      },
      state: {
        existed,
        resourceVersion: before?.metadata?.resourceVersion ?? dryRunVersion,
      },
    };
  }

  private namespaceCreatedEarlier(
    error: unknown,
    step: Planned,
    items: ApplyItem[],
  ): boolean {
    if (
      !isClusterRequestError(error) ||
      error.clusterError.type !== 'not-found'
    ) {
      return false;
    }
    const details = error.status?.details;
    const namespace = step.item.object.metadata.namespace;
    if (
      !namespace ||
      details?.kind !== 'namespaces' ||
      details.name !== namespace
    ) {
      return false;
    }
    return items
      .slice(0, step.index)
      .some(
        other =>
          other.cluster === step.item.cluster &&
          other.object.apiVersion === 'v1' &&
          other.object.kind === 'Namespace' &&
          other.object.metadata.name === namespace,
      );
  }

  private async planInternal(
    items: ApplyItem[],
    options: ApplyOptions,
  ): Promise<{
    planned: Planned[];
    failures: Array<{ index: number; failure: ApplyFailure }>;
  }> {
    const clients = this.validate(items);
    const secrets = secretValues(items.map(i => i.object));
    const planned: Planned[] = [];
    const failures: Array<{ index: number; failure: ApplyFailure }> = [];
    await Promise.all(
      items.map(async (item, index) => {
        const label = describeObject(item.object);
        const client = clients[index];
        const failure = (error: ApplyFailure['error']) =>
          failures.push({
            index,
            failure: { cluster: item.cluster, object: label, error },
          });
        let resource: ResolvedResource;
        try {
          resource = await client.discovery.resolve(item.object, {
            signal: options.signal,
          });
        } catch (error) {
          failure(toApplyError(error, secrets));
          return;
        }
        const namespace = item.object.metadata.namespace;
        if (resource.namespaced && !namespace) {
          failure({
            type: 'invalid',
            message: `${item.object.kind} is namespaced: metadata.namespace is required`,
            causes: [
              { field: 'metadata.namespace', message: 'Required value' },
            ],
          });
          return;
        }
        if (!resource.namespaced && namespace) {
          failure({
            type: 'invalid',
            message: `${item.object.kind} is cluster-scoped: remove metadata.namespace`,
            causes: [{ field: 'metadata.namespace', message: 'Forbidden' }],
          });
          return;
        }
        planned.push({ index, item, label, client, resource });
      }),
    );
    planned.sort((a, b) => a.index - b.index);
    failures.sort((a, b) => a.index - b.index);
    return { planned, failures };
  }

  /** Checks every item before any cluster call; throws one InputError naming every problem. */
  private validate(items: ApplyItem[]): ClusterClient[] {
    const problems: string[] = [];
    const clients: ClusterClient[] = [];
    items.forEach((item, index) => {
      const object = item?.object as Partial<KubernetesObject> | undefined;
      const label =
        object && typeof object === 'object'
          ? describeObject(object as KubernetesObject)
          : '(not an object)';
      const prefix = `items[${index}] (${label})`;
      if (!object || typeof object !== 'object') {
        problems.push(`${prefix}: object is required`);
      } else {
        if (typeof object.apiVersion !== 'string' || !object.apiVersion) {
          problems.push(`${prefix}: apiVersion is required`);
        }
        if (typeof object.kind !== 'string' || !object.kind) {
          problems.push(`${prefix}: kind is required`);
        }
        if (
          typeof object.metadata?.name !== 'string' ||
          !object.metadata.name
        ) {
          problems.push(`${prefix}: metadata.name is required`);
        }
      }
      const client = this.options.getClient(item?.cluster);
      if (!client) {
        problems.push(`${prefix}: unknown cluster "${item?.cluster}"`);
      } else {
        clients[index] = client;
      }
    });
    if (problems.length > 0) {
      throw new InputError(`Cannot apply: ${problems.join('; ')}`);
    }
    return clients;
  }

  private fieldManager(options: ApplyOptions): string {
    return options.fieldManager ?? this.options.fieldManager ?? FIELD_MANAGER;
  }

  private log(level: 'info' | 'warn', message: string): void {
    this.options.logger?.[level](message);
  }
}

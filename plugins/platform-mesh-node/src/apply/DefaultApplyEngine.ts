import type { LoggerService } from '@backstage/backend-plugin-api';
import { InputError } from '@backstage/errors';
import { type KubernetesObject } from '@platform-mesh-backstage/plugin-platform-mesh-common';
import { FIELD_MANAGER } from '@platform-mesh-backstage/plugin-platform-mesh-common/alpha';
import { resourceName } from '../client/resourcePath';
import type { ClusterClient } from '../client/types';
import type { ResolvedResource } from '../discovery/types';
import { describeObject } from './describeObject';
import { diffObjects } from './diffObjects';
import { dryRunObject, type PlannedObject } from './dryRunObject';
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
  ApplyWriteOptions,
  DeferredObject,
  DryRunObjectResult,
  DryRunOptions,
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

function isNamespace(item: ApplyItem): boolean {
  return item.object.apiVersion === 'v1' && item.object.kind === 'Namespace';
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
    options: DryRunOptions = {},
  ): Promise<DryRunResult> {
    return (await this.dryRunInternal(items, options)).result;
  }

  async apply(
    items: ApplyItem[],
    options: ApplyWriteOptions = {},
  ): Promise<ApplyResult> {
    const { verified, ...rest } = options;
    const checked = await this.dryRunInternal(
      items,
      { ...rest, diff: false },
      verified,
    );
    let dryRun = checked.result;
    const { planned } = checked;
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
    const written = new Set<number>();
    const notApplied = () =>
      planned
        .filter(p => !written.has(p.index))
        .map(p => ({ cluster: p.item.cluster, object: p.label }));
    const stateOf = (step: PlannedObject) =>
      dryRun.results.find(
        r => r.cluster === step.item.cluster && r.object === step.label,
      );
    const write = async (
      step: PlannedObject,
    ): Promise<ApplyFailure | undefined> => {
      const outcome = await this.writeOne(step, stateOf(step), rest, secrets);
      if ('failure' in outcome) return outcome.failure;
      written.add(step.index);
      applied.push(outcome.applied);
      return undefined;
    };
    const stop = (failure: ApplyFailure): ApplyResult => ({
      ok: false,
      dryRun,
      applied,
      failure,
      // The failed object is `failure`, not one of the objects left out after it.
      notApplied: notApplied().filter(
        n => !(n.cluster === failure.cluster && n.object === failure.object),
      ),
    });

    if (dryRun.deferred.length > 0) {
      // First install: the objects in a new namespace can only be checked once it exists.
      const waitedFor = new Set(
        dryRun.deferred.map(d => `${d.cluster}|${d.namespace}`),
      );
      for (const step of planned) {
        if (
          isNamespace(step.item) &&
          waitedFor.has(
            `${step.item.cluster}|${step.item.object.metadata.name}`,
          )
        ) {
          const failure = await write(step);
          if (failure) return stop(failure);
        }
      }
      const deferred = planned.filter(p =>
        dryRun.deferred.some(
          d => d.cluster === p.item.cluster && d.object === p.label,
        ),
      );
      const second = await this.dryRunInternal(
        deferred.map(p => p.item),
        { ...rest, diff: false },
      );
      const again = new Map(
        second.result.results.map(r => [`${r.cluster}|${r.object}`, r]),
      );
      dryRun = {
        ok: second.result.ok,
        results: dryRun.results
          .map(r => again.get(`${r.cluster}|${r.object}`) ?? r)
          .filter(
            r =>
              !second.result.failures.some(
                f => f.cluster === r.cluster && f.object === r.object,
              ),
          ),
        failures: second.result.failures,
        deferred: second.result.deferred,
      };
      if (!dryRun.ok) {
        this.log(
          'warn',
          `Stopped after writing ${applied.length} Namespace(s): the dry run of the objects in them failed for ${dryRun.failures.length} object(s)`,
        );
        return { ok: false, dryRun, applied, notApplied: notApplied() };
      }
    }

    for (const step of planned) {
      if (written.has(step.index)) continue;
      const failure = await write(step);
      if (failure) return stop(failure);
    }
    return { ok: true, dryRun, applied, notApplied: [] };
  }

  private async writeOne(
    step: PlannedObject,
    state: DryRunObjectResult | undefined,
    options: ApplyOptions,
    secrets: string[],
  ): Promise<{ applied: ApplyObjectResult } | { failure: ApplyFailure }> {
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
      return { failure };
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
    this.log(
      'info',
      `Applied ${step.label} on cluster "${step.item.cluster}": ${action}`,
    );
    return {
      applied: {
        cluster: step.item.cluster,
        object: step.label,
        action,
        ...(resourceVersion ? { resourceVersion } : {}),
      },
    };
  }

  /**
   * Dry-runs the Namespaces first, then every other object, except those in a Namespace that does
   * not exist yet and that an earlier object creates (deferred). Objects `verified` checked are
   * taken from it, without a request.
   */
  private async dryRunInternal(
    items: ApplyItem[],
    options: DryRunOptions,
    verified?: DryRunResult,
  ) {
    const { planned, failures } = await this.planInternal(items, options);
    for (const { failure } of failures) {
      this.log(
        'warn',
        `Dry run of ${failure.object} on cluster "${failure.cluster}" failed: ${failure.error.type}: ${failure.error.message}`,
      );
    }
    const secrets = secretValues(items.map(i => i.object));
    const reusable = new Map<string, DryRunObjectResult>();
    for (const r of verified?.results ?? []) {
      const key = `${r.cluster}|${r.object}`;
      const wasDeferred = verified?.deferred.some(
        d => `${d.cluster}|${d.object}` === key,
      );
      if (!wasDeferred) reusable.set(key, r);
    }
    const results = new Map<number, DryRunObjectResult>();
    const deferred = new Map<number, DeferredObject>();
    const failed = new Map<number, ApplyFailure>(
      failures.map(f => [f.index, f.failure]),
    );
    const fieldManager = this.fieldManager(options);

    const check = async (step: PlannedObject) => {
      const reused = reusable.get(`${step.item.cluster}|${step.label}`);
      if (reused) {
        results.set(step.index, reused);
        return;
      }
      const outcome = await dryRunObject(
        step,
        { ...options, fieldManager },
        secrets,
      );
      if ('failure' in outcome) {
        failed.set(step.index, outcome.failure);
        this.log(
          'warn',
          `Dry run of ${step.label} on cluster "${step.item.cluster}" failed: ${outcome.failure.error.type}: ${outcome.failure.error.message}`,
        );
      } else {
        results.set(step.index, outcome.result);
        this.log(
          'info',
          `Dry run of ${step.label} on cluster "${step.item.cluster}": ${outcome.result.action}`,
        );
      }
    };

    await Promise.all(planned.filter(p => isNamespace(p.item)).map(check));
    const newNamespaces = new Map<string, number>();
    for (const step of planned.filter(p => isNamespace(p.item))) {
      if (results.get(step.index)?.existed === false) {
        newNamespaces.set(
          `${step.item.cluster}|${step.item.object.metadata.name}`,
          step.index,
        );
      }
    }
    await Promise.all(
      planned
        .filter(p => !isNamespace(p.item))
        .map(async step => {
          const namespace = step.item.object.metadata.namespace;
          const creator = namespace
            ? newNamespaces.get(`${step.item.cluster}|${namespace}`)
            : undefined;
          if (
            namespace &&
            creator !== undefined &&
            creator < step.index &&
            !reusable.has(`${step.item.cluster}|${step.label}`)
          ) {
            deferred.set(step.index, {
              cluster: step.item.cluster,
              object: step.label,
              namespace,
            });
            results.set(step.index, {
              cluster: step.item.cluster,
              object: step.label,
              action: 'created',
              diff:
                options.diff === false
                  ? []
                  : diffObjects(undefined, step.item.object),
              notes: [
                `namespace ${namespace} does not exist yet; it is created by an earlier object of this apply, so this object could only be checked after it`,
              ],
              existed: false,
            });
            return;
          }
          await check(step);
        }),
    );

    const byIndex = <T>(map: Map<number, T>) =>
      [...map.entries()].sort(([a], [b]) => a - b).map(([, v]) => v);
    const result: DryRunResult = {
      ok: failed.size === 0,
      results: byIndex(results),
      failures: byIndex(failed),
      deferred: byIndex(deferred),
    };
    return { result, planned };
  }

  private async planInternal(
    items: ApplyItem[],
    options: ApplyOptions,
  ): Promise<{
    planned: PlannedObject[];
    failures: Array<{ index: number; failure: ApplyFailure }>;
  }> {
    const clients = this.validate(items);
    const secrets = secretValues(items.map(i => i.object));
    const planned: PlannedObject[] = [];
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

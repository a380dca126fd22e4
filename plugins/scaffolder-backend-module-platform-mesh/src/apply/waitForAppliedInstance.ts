import type { ApplyRun } from './applyRun';
import { waitForReady } from './waitForReady';

/**
 * Waits until the applied PlatformMesh is Ready, within the run's timeout and poll interval.
 *
 * @param run - the apply
 * @throws WaitForReadyError when it fails, times out or is aborted
 * @internal
 */
export async function waitForAppliedInstance(run: ApplyRun): Promise<void> {
  const { clusters, input, options } = run;
  await waitForReady({
    runtime: clusters.getClient(input.target.runtimeCluster),
    infra: clusters.getClient(input.target.infraCluster),
    instance: run.resolved.instance,
    deploymentTechnology: input.target.deploymentTechnology,
    timeoutMs: options.timeoutSeconds * 1000,
    pollMs: options.pollIntervalSeconds * 1000,
    logger: run.logger,
    signal: run.signal,
  });
}

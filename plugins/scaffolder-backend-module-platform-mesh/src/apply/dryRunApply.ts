import {
  formatDiff,
  type DiffEntry,
  type DryRunObjectResult,
} from '@platform-mesh-backstage/plugin-platform-mesh-node';
import type { ServiceAccountToken } from '../credentials/serviceAccountTokens';
import {
  carriesTokens,
  planWithTokens,
  previewTokens,
} from './applyCredentials';
import type { ApplyRun } from './applyRun';
import { dryRunFailedError } from './errors';

const MAX_DIFF_LINES = 40;

/** The diff (Secret values redacted) as log text: long lines cut, at most MAX_DIFF_LINES. */
function diffLogText(diff: DiffEntry[]): string {
  const lines = formatDiff(diff)
    .split('\n')
    .map(line => (line.length > 300 ? `${line.slice(0, 300)}…` : line));
  return `  ${lines.slice(0, MAX_DIFF_LINES).join('\n  ')}${
    lines.length > MAX_DIFF_LINES
      ? `\n  … ${lines.length - MAX_DIFF_LINES} more line(s)`
      : ''
  }`;
}

/**
 * The dry-run phase: with ServiceAccount credentials, first replaces the run's plan with one
 * carrying the tokens the Secrets will have when the current ones can stay (nothing is minted);
 * then dry-runs every object on its cluster, keeps the result on the run for the writes to reuse,
 * and logs what each would do, and in a dry-run task its redacted diff. Only a dry-run task reads
 * the objects first (for the diff); an apply sends one dry run per object. Objects in a namespace
 * the apply creates are deferred: the writes check them right after the Namespaces.
 *
 * @param run - the apply
 * @param isDryRun - the task is a dry run: compute and log the diffs
 * @returns what each object would do
 * @throws when the dry run of any object fails, listing every failure
 * @internal
 */
export async function dryRunApply(
  run: ApplyRun,
  isDryRun: boolean | undefined,
): Promise<DryRunObjectResult[]> {
  const { logger } = run;
  let tokens: ServiceAccountToken[] = [];
  if (carriesTokens(run)) {
    tokens = await previewTokens(run);
    run.previewedTokens = tokens;
    run.plan = planWithTokens(run, tokens);
  }

  const dryRun = await run.clusters.applyEngine.dryRun(
    run.plan.items.map(i => ({ cluster: i.cluster, object: i.object })),
    { force: run.options.force, signal: run.signal, diff: Boolean(isDryRun) },
  );
  if (!dryRun.ok) throw dryRunFailedError(dryRun.failures, run.roleOf);
  run.verified = dryRun;
  const deferred = new Set(
    dryRun.deferred.map(d => `${d.cluster}|${d.object}`),
  );
  for (const result of dryRun.results) {
    const willMint =
      result.object.startsWith('Secret ') &&
      tokens.some(t => t.origin === 'not-minted');
    const waits = deferred.has(`${result.cluster}|${result.object}`);
    let outcome: string = result.action;
    if (!isDryRun) {
      outcome = result.existed ? 'passed (exists)' : 'passed (new)';
      if (waits) outcome = 'checked once its namespace is created';
    }
    logger.info(
      `Dry run: ${run.describe(result)}: ${outcome}${
        willMint && result.action !== 'unchanged'
          ? ' (with a token minted at apply time)'
          : ''
      }`,
    );
    if (isDryRun && result.diff.length > 0) {
      logger.info(diffLogText(result.diff));
    }
    if (isDryRun || !waits) {
      for (const note of result.notes ?? []) logger.info(`  note: ${note}`);
    }
  }
  return dryRun.results;
}

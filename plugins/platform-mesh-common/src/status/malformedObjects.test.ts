import { readdirSync, readFileSync } from 'fs';
import { join } from 'path';
import {
  conditionPipeline,
  describeApplication,
  describeHelmRelease,
  describeKustomization,
  describeSource,
  MAX_STATUS_TEXT_LENGTH,
  platformMeshHealth,
} from '../health';
import { loadSnapshot } from '../snapshot/__fixtures__/loadSnapshot';
import { wellFormedObject, type InstanceSnapshot } from '../snapshot';
import type { Health, InstanceStatus } from '../types/status';
import { malformedVariants } from './__fixtures__/malformedVariants';
import { buildInstanceStatus } from './buildInstanceStatus';
import { summarizeInstance } from './summarizeInstance';

const HEALTH: ReadonlySet<Health> = new Set([
  'healthy',
  'progressing',
  'degraded',
  'failed',
  'suspended',
  'unknown',
]);

const FIXTURES = join(__dirname, '../health/__fixtures__');

function fixtures(prefix: string): Array<[string, any]> {
  return readdirSync(FIXTURES)
    .filter(f => f.startsWith(prefix) && f.endsWith('.json'))
    .map(f => [f, JSON.parse(readFileSync(join(FIXTURES, f), 'utf8'))]);
}

const BOOLEAN_FIELDS = new Set([
  'suspended',
  'targetsRemoteCluster',
  'stale',
  'leftover',
  'notReached',
]);
const NUMBER_FIELDS = new Set(['failures', 'revision', 'observedGeneration']);

/**
 * What is wrong with a row: each text field must be a bounded string or absent, `health` one of
 * the six, flags booleans, counters finite numbers (a source's `revision` is text). Collected, not asserted one by one: thousands
 * of variants are checked.
 */
function problemsOf(row: Record<string, unknown>, where: string): string[] {
  const problems: string[] = [];
  for (const [key, value] of Object.entries(row)) {
    if (value === undefined) continue;
    let ok: boolean;
    if (key === 'health') ok = HEALTH.has(value as Health);
    else if (BOOLEAN_FIELDS.has(key)) ok = typeof value === 'boolean';
    else if (NUMBER_FIELDS.has(key) && typeof value === 'number')
      ok = Number.isFinite(value);
    else
      ok = typeof value === 'string' && value.length <= MAX_STATUS_TEXT_LENGTH;
    if (!ok) problems.push(`${where}: ${key} is ${typeof value}`);
  }
  return problems;
}

function statusProblems(status: InstanceStatus, where: string): string[] {
  const problems = HEALTH.has(status.instance.overall)
    ? []
    : [`${where}: overall ${status.instance.overall}`];
  for (const row of [
    ...status.conditions,
    ...status.releases,
    ...status.sources,
  ]) {
    problems.push(
      ...problemsOf(row as unknown as Record<string, unknown>, where),
    );
  }
  for (const d of status.diagnostics) {
    if (typeof d.summary !== 'string' || typeof d.detail !== 'string') {
      problems.push(`${where}: diagnostic ${d.id} without text`);
    }
  }
  JSON.stringify(status);
  return problems;
}

/** Runs `fn`; a throw becomes a problem naming the variant. */
function attempt<T>(where: string, problems: string[], fn: () => T) {
  try {
    return fn();
  } catch (e) {
    problems.push(`${where}: throws ${(e as Error).message}`);
    return undefined;
  }
}

describe('malformed objects never make the status throw', () => {
  const describers: Array<[string, (o: any) => Record<string, unknown>]> = [
    ['helmrelease-', o => describeHelmRelease(o) as any],
    ['application-', o => describeApplication(o) as any],
    ['kustomization-', o => describeKustomization(o) as any],
    ['ocirepository-', o => describeSource(o) as any],
    ['gitrepository-', o => describeSource(o) as any],
    ['helmrepository-', o => describeSource(o) as any],
  ];

  // what passes the snapshot boundary (`wellFormedObject`): an object with apiVersion, kind and
  // metadata.name; everything below that may be malformed
  it.each(describers)(
    'describes every malformed variant of the %s fixtures with well-typed fields',
    (prefix, describe) => {
      const problems: string[] = [];
      let count = 0;
      for (const [file, fixture] of fixtures(prefix)) {
        for (const variant of malformedVariants(fixture)) {
          const where = `${file}: ${variant.description}`;
          const object = wellFormedObject(variant.value);
          if (!object) continue;
          const row = attempt(where, problems, () => describe(object));
          if (row) problems.push(...problemsOf(row, where));
          count += 1;
        }
      }
      expect(problems).toEqual([]);
      expect(count).toBeGreaterThan(50);
    },
  );

  it('judges every malformed variant of the PlatformMesh fixtures', () => {
    const problems: string[] = [];
    for (const [file, fixture] of fixtures('platformmesh-')) {
      for (const variant of malformedVariants(fixture)) {
        const where = `${file}: ${variant.description}`;
        const pm = wellFormedObject<any>(variant.value);
        if (!pm) continue;
        const health = attempt(where, problems, () => platformMeshHealth(pm));
        if (health && !HEALTH.has(health)) problems.push(`${where}: ${health}`);
        for (const c of attempt(where, problems, () => conditionPipeline(pm)) ??
          []) {
          problems.push(
            ...problemsOf(c as unknown as Record<string, unknown>, where),
          );
        }
      }
    }
    expect(problems).toEqual([]);
  });

  it.each([
    'snapshot-fluxcd-remote-healthy',
    'snapshot-argocd-remote-healthy',
  ] as const)(
    'builds a well-typed status for every malformed object in %s',
    name => {
      const snapshot = loadSnapshot(name);
      const variants = malformedVariants<InstanceSnapshot>(snapshot, {
        maxDepth: 7,
        badValues: [null, 42, 'not-an-object', [null], 'x'.repeat(10_000)],
        skip: [
          'ref',
          'now',
          'deploymentTechnology',
          'operatorIsInfra',
          'operatorNamespace',
          'expectedSecrets',
          'runtimeServerUrls',
          'clusters',
        ],
      }).slice(2);
      expect(variants.length).toBeGreaterThan(500);
      const problems: string[] = [];
      for (const variant of variants) {
        const where = `${name}: ${variant.description}`;
        const status = attempt(where, problems, () =>
          buildInstanceStatus(variant.value),
        );
        attempt(where, problems, () => summarizeInstance(variant.value));
        if (status) problems.push(...statusProblems(status, where));
      }
      expect(problems).toEqual([]);
    },
  );

  it('keeps what is well-formed next to a null condition and a null release', () => {
    const snapshot = loadSnapshot('snapshot-fluxcd-remote-healthy');
    const pm = snapshot.runtime.platformMesh as any;
    pm.status.conditions.unshift(null);
    (snapshot.infra.helmReleases as any[]).push(null);
    const status = buildInstanceStatus(snapshot);
    expect(status.conditions.filter(c => c.status === 'True')).toHaveLength(6);
    expect(status.instance.overall).toBe('healthy');
    expect(status.releases.length).toBe(
      buildInstanceStatus(loadSnapshot('snapshot-fluxcd-remote-healthy'))
        .releases.length,
    );
  });
});

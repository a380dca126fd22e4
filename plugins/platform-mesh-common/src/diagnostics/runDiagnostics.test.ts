import { loadSnapshot } from '../snapshot/__fixtures__/loadSnapshot';
import type { PlatformMesh } from '../types/platformMesh';
import { diagnosticRules } from './rules';
import { runDiagnostics } from './runDiagnostics';
import type { DiagnosticRule } from './types';

describe('runDiagnostics', () => {
  it('has one rule per id of the troubleshooting table, then instance-terminating, namespace-shared, the release rules, pipeline-stopped and read-failed', () => {
    expect(diagnosticRules.map(r => r.id)).toEqual([
      'operator-kubeconfig-secret',
      'infra-kubeconfig-secret',
      'cr-on-wrong-cluster',
      'not-reconciled',
      'profile-missing',
      'flux-kubeconfig-secret',
      'helmrelease-missing-kubeconfig',
      'source-missing',
      'argocd-destination',
      'instance-terminating',
      'namespace-shared',
      'release-retries-exceeded',
      'release-kubeconfig-error',
      'release-chart-render-failed',
      'release-namespace-missing',
      'release-rolled-back',
      'pipeline-stopped',
      'read-failed',
    ]);
  });

  it('finds nothing in healthy setups', () => {
    expect(
      runDiagnostics(loadSnapshot('snapshot-fluxcd-remote-healthy')),
    ).toEqual([]);
    expect(
      runDiagnostics(loadSnapshot('snapshot-argocd-remote-healthy')),
    ).toEqual([]);
  });

  it('returns errors first, then warnings, each in rule order', () => {
    const snapshot = loadSnapshot('snapshot-fluxcd-remote-healthy');
    const copy = JSON.parse(
      JSON.stringify(snapshot.runtime.platformMesh),
    ) as PlatformMesh;
    snapshot.infra.platformMeshes = [copy];
    snapshot.operator.secrets = [];
    snapshot.infra.gitRepositories = [];
    expect(runDiagnostics(snapshot).map(d => [d.severity, d.id])).toEqual([
      ['error', 'operator-kubeconfig-secret'],
      ['error', 'infra-kubeconfig-secret'],
      ['error', 'source-missing'],
      ['warning', 'cr-on-wrong-cluster'],
    ]);
  });

  it('passes the options to the rules and runs the given rules', () => {
    const seen: unknown[] = [];
    const rule: DiagnosticRule = {
      id: 'not-reconciled',
      evaluate(_, options) {
        seen.push(options);
        return [
          {
            id: 'not-reconciled',
            severity: 'info',
            cluster: 'runtime',
            summary: 's',
            detail: 'd',
            hint: 'h',
          },
        ];
      },
    };
    expect(
      runDiagnostics(
        loadSnapshot('snapshot-fluxcd-remote-healthy'),
        { gracePeriodSeconds: 5 },
        [rule],
      ),
    ).toEqual([
      {
        id: 'not-reconciled',
        severity: 'info',
        cluster: 'runtime',
        summary: 's',
        detail: 'd',
        hint: 'h',
      },
    ]);
    expect(seen).toEqual([{ gracePeriodSeconds: 5 }]);
  });

  it('reports nothing but the unread clusters when every cluster is unreachable', () => {
    const snapshot = loadSnapshot('snapshot-fluxcd-remote-healthy');
    for (const role of ['operator', 'runtime', 'infra'] as const) {
      snapshot.clusters[role] = {
        cluster: role,
        reachable: false,
        error: { type: 'unreachable', message: 'connect ECONNREFUSED' },
      };
    }
    snapshot.operator.secrets = [];
    snapshot.infra = {
      secrets: [],
      platformMeshes: [],
      helmReleases: [],
      kustomizations: [],
      applications: [],
      ociRepositories: [],
      helmRepositories: [],
      gitRepositories: [],
    };
    delete snapshot.runtime.platformMesh;
    snapshot.runtime.configMaps = [];
    expect(
      runDiagnostics(snapshot).map(d => [d.id, d.cluster, d.summary]),
    ).toEqual([
      [
        'read-failed',
        'runtime',
        'Cannot read the runtime cluster "runtime": unreachable',
      ],
      [
        'read-failed',
        'operator',
        'Cannot read the operator cluster "operator": unreachable',
      ],
      [
        'read-failed',
        'infra',
        'Cannot read the infra cluster "infra": unreachable',
      ],
    ]);
  });
});

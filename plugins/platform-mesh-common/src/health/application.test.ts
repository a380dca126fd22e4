import type { Application } from '../types/argo';
import degraded from './__fixtures__/application-degraded.json';
import healthy from './__fixtures__/application-healthy.json';
import invalidDestination from './__fixtures__/application-invalid-destination.json';
import missing from './__fixtures__/application-missing.json';
import outOfSync from './__fixtures__/application-outofsync.json';
import syncFailed from './__fixtures__/application-sync-failed.json';
import {
  applicationHealth,
  applicationTargetsRemoteCluster,
  describeApplication,
} from './application';

const app = (fixture: unknown): Application =>
  JSON.parse(JSON.stringify(fixture)) as Application;

describe('applicationHealth', () => {
  it.each([
    ['Synced and Healthy', healthy, 'healthy'],
    ['OutOfSync but Healthy', outOfSync, 'progressing'],
    ['Degraded', degraded, 'degraded'],
    ['last sync Failed', syncFailed, 'failed'],
    ['InvalidSpecError', invalidDestination, 'failed'],
    ['Missing (not created yet)', missing, 'progressing'],
  ])('%s', (_, fixture, expected) => {
    expect(applicationHealth(app(fixture))).toBe(expected);
  });

  it('is suspended when health is Suspended', () => {
    const a = app(healthy);
    a.status!.health = { status: 'Suspended' };
    expect(applicationHealth(a)).toBe('suspended');
  });

  it('is unknown when health is Unknown', () => {
    const a = app(healthy);
    a.status!.health = { status: 'Unknown' };
    expect(applicationHealth(a)).toBe('unknown');
  });

  it('is progressing while an operation runs', () => {
    const a = app(healthy);
    a.status!.operationState = {
      phase: 'Running',
      message: 'waiting for healthy state',
    };
    expect(applicationHealth(a)).toBe('progressing');
  });

  it('is failed when the operation for the current sync revision errored', () => {
    const a = app(healthy);
    a.status!.sync = { status: 'Synced', revision: '0.2.30' };
    a.status!.operationState = {
      phase: 'Error',
      message: 'rpc error',
      syncResult: { revision: '0.2.30' },
    } as any;
    expect(applicationHealth(a)).toBe('failed');
  });

  it('is healthy when Healthy and Synced although a superseded operation (older revision) failed', () => {
    const a = app(healthy);
    a.status!.sync = { status: 'Synced', revision: '0.2.31' };
    a.status!.operationState = {
      phase: 'Failed',
      message: 'one or more objects failed to apply',
      finishedAt: '2026-11-20T09:10:05Z',
      syncResult: { revision: '0.2.30' },
    } as any;
    expect(applicationHealth(a)).toBe('healthy');
    expect(describeApplication(a)).toMatchObject({
      health: 'healthy',
      reason: 'Healthy/Synced',
    });
  });

  it('judges current health and sync first when the failed operation names no revision', () => {
    const a = app(healthy);
    a.status!.operationState = { phase: 'Error', message: 'rpc error' };
    expect(applicationHealth(a)).toBe('healthy');
    a.status!.health = { status: 'Progressing' };
    expect(applicationHealth(a)).toBe('failed');
  });

  it('is failed while the failed operation is still the requested one', () => {
    const a = app(healthy) as any;
    a.operation = { sync: { revision: '0.2.31' }, retry: { limit: 5 } };
    a.status.operationState = {
      phase: 'Failed',
      message: 'retrying',
      syncResult: { revision: '0.2.30' },
    };
    expect(applicationHealth(a)).toBe('failed');
  });

  it('is failed when a multi-source sync failed for the current revisions', () => {
    const a = app(healthy);
    a.status!.sync = { status: 'Synced', revisions: ['a1', 'b2'] };
    a.status!.operationState = {
      phase: 'Failed',
      message: 'hook failed',
      syncResult: { revisions: ['a1', 'b2'] },
    } as any;
    expect(applicationHealth(a)).toBe('failed');
    a.status!.sync = { status: 'Synced', revisions: ['a1', 'b3'] };
    expect(applicationHealth(a)).toBe('healthy');
  });

  it('is degraded with a ComparisonError', () => {
    const a = app(healthy);
    a.status!.conditions = [
      {
        type: 'ComparisonError',
        message: 'Failed to load target state: connection refused',
      },
    ];
    expect(applicationHealth(a)).toBe('degraded');
  });

  it('is progressing without status', () => {
    const a = app(healthy);
    delete a.status;
    expect(applicationHealth(a)).toBe('progressing');
  });
});

describe('applicationTargetsRemoteCluster', () => {
  it.each<[string, Application['spec'] extends infer S ? S : never, boolean]>([
    [
      'a remote server',
      { destination: { server: 'https://runtime-api.example.test:6443' } },
      true,
    ],
    [
      'the in-cluster server',
      { destination: { server: 'https://kubernetes.default.svc' } },
      false,
    ],
    [
      'the in-cluster server with a slash',
      { destination: { server: 'https://kubernetes.default.svc/' } },
      false,
    ],
    ['a named cluster', { destination: { name: 'runtime' } }, true],
    ['the in-cluster name', { destination: { name: 'in-cluster' } }, false],
  ])('%s', (_, spec, expected) => {
    const a = app(healthy);
    a.spec = spec;
    expect(applicationTargetsRemoteCluster(a)).toBe(expected);
  });
});

describe('describeApplication', () => {
  it('describes a healthy Application', () => {
    expect(describeApplication(app(healthy))).toEqual({
      healthStatus: 'Healthy',
      syncStatus: 'Synced',
      kind: 'Application',
      name: 'portal',
      namespace: 'platform-mesh-system',
      health: 'healthy',
      reason: 'Healthy/Synced',
      chart: 'portal',
      version: '0.22.1',
      suspended: false,
      lastTransitionTime: '2026-11-20T09:06:00Z',
      targetsRemoteCluster: true,
    });
  });

  it('describes a failed sync from the operation', () => {
    expect(describeApplication(app(syncFailed))).toEqual({
      healthStatus: 'Missing',
      syncStatus: 'OutOfSync',
      kind: 'Application',
      name: 'openfga',
      namespace: 'platform-mesh-system',
      health: 'failed',
      reason: 'OperationFailed',
      message:
        'one or more objects failed to apply, reason: namespaces "openfga" is forbidden: User "system:serviceaccount:argocd:argocd-application-controller" cannot create resource "namespaces"',
      chart: 'openfga',
      version: '0.2.30',
      suspended: false,
      lastTransitionTime: '2026-11-20T09:10:05Z',
      targetsRemoteCluster: true,
    });
  });

  it('describes an error condition and hides the operator placeholder revision', () => {
    expect(describeApplication(app(invalidDestination))).toEqual({
      healthStatus: 'Unknown',
      syncStatus: 'Unknown',
      kind: 'Application',
      name: 'account-operator',
      namespace: 'platform-mesh-system',
      health: 'failed',
      reason: 'InvalidSpecError',
      message:
        'Application referencing project platform-mesh-runtime which does not exist',
      chart: 'account-operator',
      suspended: false,
      lastTransitionTime: '2026-11-20T09:01:05Z',
      targetsRemoteCluster: true,
    });
  });

  it('describes a Degraded Application with the health message', () => {
    expect(describeApplication(app(degraded))).toEqual({
      healthStatus: 'Degraded',
      syncStatus: 'Synced',
      kind: 'Application',
      name: 'keycloak',
      namespace: 'platform-mesh-system',
      health: 'degraded',
      reason: 'Degraded/Synced',
      message: 'Deployment "keycloak" exceeded its progress deadline',
      chart: 'keycloak',
      version: '24.0.1',
      suspended: false,
      lastTransitionTime: '2026-11-20T09:30:00Z',
      targetsRemoteCluster: true,
    });
  });

  it('uses the first of several sources', () => {
    const a = app(healthy);
    a.spec = {
      destination: a.spec!.destination,
      sources: [
        {
          repoURL: 'oci.example.test/charts',
          chart: 'portal',
          targetRevision: '0.23.0',
        },
        { repoURL: 'https://git.example.test/values.git', ref: 'values' },
      ],
    };
    expect(describeApplication(a)).toMatchObject({
      chart: 'portal',
      version: '0.23.0',
    });
  });
});

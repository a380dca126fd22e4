/*
 * The end-to-end lane with the real controllers (packages/dev-clusters/live/README.md): the
 * example template, run through the scaffolder, creates the instance on the live clusters; the
 * chart-installed real Platform Mesh operator reconciles it; real Flux installs the components
 * into the runtime cluster through the kubeconfig Secret our apply action wrote; the status API
 * reports what they wrote. Then each row of the how-to's troubleshooting table is produced by
 * breaking the real setup, diagnosed, repaired, and seen to recover.
 */
import {
  clusterEntry,
  eventually,
  LIVE_ROLES,
  operatorLog,
  operatorUp,
  secretMaterial,
} from '@internal/dev-clusters/lib/testing';
import { operatorValuesFromTaskOutput } from '@internal/dev-clusters/lib/live';
import { clientsFor } from '@platform-mesh-backstage/plugin-platform-mesh-node-test-utils';
import {
  acquireLiveLane,
  AUTH,
  LIVE_NS,
  LIVE_PROFILE,
  liveStatus,
  liveValues,
  runTemplate,
  startLiveBackend,
} from '../__testUtils__/liveBackend';
import {
  reconcilerToken,
  startReconcileBackend,
} from '../__testUtils__/reconcileBackend';

import request from 'supertest';

jest.setTimeout(600_000);

const admin = clientsFor(
  LIVE_ROLES.map(role => clusterEntry(role, role, 'admin')),
);
const SERVICES = ['account-operator', 'iam-service', 'portal'];
const RUNTIME_SECRET = 'platform-mesh-runtime-secret'; // Flux's kubeconfig Secret on infra

/** Asks helm-controller to reconcile now (what `flux reconcile helmrelease` does). */
async function requestReconcile(name: string) {
  await admin['live-infra'].requestJson({
    method: 'PATCH',
    path: `/apis/helm.toolkit.fluxcd.io/v2/namespaces/${LIVE_NS}/helmreleases/${name}`,
    contentType: 'application/merge-patch+json',
    body: {
      metadata: {
        annotations: { 'reconcile.fluxcd.io/requestedAt': `${Date.now()}` },
      },
    },
  });
}

async function untilStatus(
  server: any,
  check: (s: any) => boolean,
  what: string,
  timeoutMs = 240_000,
) {
  let last: any;
  try {
    return await eventually(async () => {
      last = await liveStatus(server);
      return check(last) ? last : undefined;
    }, timeoutMs);
  } catch (e) {
    throw new Error(
      `${what}: ${e}\nlast status: ${JSON.stringify(
        last,
        null,
        1,
      )}\noperator log:\n${operatorLog(30)}`,
    );
  }
}

function expectCompleted(run: { status: string; log: string }) {
  if (run.status !== 'completed') {
    throw new Error(`the template task ${run.status}:\n${run.log}`);
  }
}

const release = (s: any, name: string) =>
  s.releases.find((r: any) => r.name === name);
const diagnostic = (s: any, id: string) =>
  s.diagnostics.find((d: any) => d.id === id);

describe('the real Platform Mesh operator and real Flux', () => {
  let server: any;
  let helmValues: string;

  let releaseLane = () => {};

  beforeAll(async () => {
    releaseLane = await acquireLiveLane(); // one live-lane file at a time
    server = await startLiveBackend();
  });
  afterAll(() => releaseLane());

  it('the template creates the instance, the real operator and Flux bring it to Ready', async () => {
    // force: a rerun after an aborted one may find the troubleshooting cases' hand edits
    const run = await runTemplate(server, { ...liveValues(), force: true });
    expectCompleted(run);
    for (const secret of secretMaterial())
      expect(run.log).not.toContain(secret);
    helmValues = operatorValuesFromTaskOutput(run.output)!;
    expect(helmValues).toContain('remoteRuntime:');

    // the how-to's step: install the operator chart on the operator cluster with those values
    operatorUp(LIVE_NS, helmValues);

    const ready = await untilStatus(
      server,
      s =>
        s.instance.overall === 'healthy' &&
        s.conditions.find((c: any) => c.step === 'Ready')?.status === 'True' &&
        SERVICES.every(n => release(s, n)?.health === 'healthy'),
      'the live instance reaches Ready',
    );
    for (const name of SERVICES) {
      expect(release(ready, name)).toMatchObject({
        health: 'healthy',
        chart: name,
        version: '0.1.0',
        targetsRemoteCluster: true,
      });
    }
    expect(
      ready.diagnostics.filter((d: any) => d.severity === 'error'),
    ).toEqual([]);

    // Flux installed into the runtime cluster through our Secret: Helm's release Secret and
    // the chart's own object are there, not on the infra cluster
    for (const name of SERVICES) {
      // Helm's storage of the current revision (Flux keeps a bounded history: older ones go)
      const revision = release(ready, name).revision;
      expect(revision).toBeGreaterThanOrEqual(1);
      const helmSecret: any = await admin['live-runtime'].tryGet({
        apiVersion: 'v1',
        kind: 'Secret',
        namespace: LIVE_NS,
        name: `sh.helm.release.v1.${name}.v${revision}`,
      });
      expect(helmSecret?.type).toBe('helm.sh/release.v1');
      const cm: any = await admin['live-runtime'].get({
        apiVersion: 'v1',
        kind: 'ConfigMap',
        namespace: LIVE_NS,
        name: `${name}-stand-in`,
      });
      expect(cm.data.chart).toBe(`${name}-0.1.0`);
      expect(
        await admin['live-infra'].tryGet({
          apiVersion: 'v1',
          kind: 'ConfigMap',
          namespace: LIVE_NS,
          name: `${name}-stand-in`,
        }),
      ).toBeUndefined();
    }
    for (const secret of secretMaterial()) {
      expect(JSON.stringify(ready)).not.toContain(secret);
    }
    // the least-privilege RBAC our apply action mints is enough for the real operator
    expect(operatorLog(100_000)).not.toMatch(/forbidden/i);
  });

  it('Reconcile from the API: real helm-controller handles the request the route wrote, with the separate write identity', async () => {
    // the Reconcile route writes with its own identity (examples/rbac/reconciler.yaml), never
    // with the read-only `backstage` identity the status comes from
    const token = await reconcilerToken(admin['live-infra']);
    const reconcileServer = await startReconcileBackend(token);
    await untilStatus(
      reconcileServer,
      s => release(s, 'portal')?.health === 'healthy',
      'the second backend sees the live instance',
    );
    const res = await request(reconcileServer)
      .post(
        `/api/platform-mesh/instances/live/${LIVE_NS}/platform-mesh/reconcile`,
      )
      .set('Authorization', AUTH)
      .send({ kind: 'HelmRelease', namespace: LIVE_NS, name: 'portal' });
    expect(res.status).toBe(200);
    expect(JSON.stringify(res.body)).not.toContain(token);
    const requestedAt = res.body.annotations['reconcile.fluxcd.io/requestedAt'];
    expect(res.body.requestedAt).toBe(requestedAt);
    // helm-controller records the request it handled: the release really reconciled
    const handled = await eventually(async () => {
      const hr: any = await admin['live-infra'].get({
        apiVersion: 'helm.toolkit.fluxcd.io/v2',
        kind: 'HelmRelease',
        namespace: LIVE_NS,
        name: 'portal',
      });
      return hr.status?.lastHandledReconcileAt === requestedAt ? hr : undefined;
    }, 120_000);
    expect(
      handled.status.conditions.find((c: any) => c.type === 'Ready')?.status,
    ).toBe('True');
  });

  it("Flux's kubeconfig Secret deleted on infra: the release is degraded, not progressing; re-running the template repairs it", async () => {
    await admin['live-infra'].requestJson({
      method: 'DELETE',
      path: `/api/v1/namespaces/${LIVE_NS}/secrets/${RUNTIME_SECRET}`,
    });
    await requestReconcile('portal');
    const broken = await untilStatus(
      server,
      s =>
        release(s, 'portal')?.reason === 'RESTClientError' &&
        !!diagnostic(s, 'flux-kubeconfig-secret'),
      'the missing Secret is diagnosed',
    );
    expect(release(broken, 'portal').health).toBe('degraded');
    expect(broken.instance.overall).not.toBe('healthy');
    expect(diagnostic(broken, 'flux-kubeconfig-secret').severity).toBe('error');
    // the operator stopped requeueing at Ready: the PlatformMesh still says Ready=True
    expect(broken.conditions.find((c: any) => c.step === 'Ready').status).toBe(
      'True',
    );

    expectCompleted(await runTemplate(server, liveValues()));
    await requestReconcile('portal');
    await untilStatus(
      server,
      s =>
        release(s, 'portal')?.health === 'healthy' &&
        !diagnostic(s, 'flux-kubeconfig-secret') &&
        s.instance.overall === 'healthy',
      'the instance recovers after the repair',
    );
  });

  it("the operator's kubeconfig Secret with the wrong key: the operator cannot start, the card diagnoses it; the template repairs it", async () => {
    const values = helmValues.match(
      /remoteRuntime:[\s\S]*?secretName: (\S+)\s+secretKey: (\S+)/,
    )!;
    const [secretName, secretKey] = [values[1], values[2]];
    const secret: any = await admin['live-operator'].get({
      apiVersion: 'v1',
      kind: 'Secret',
      namespace: LIVE_NS,
      name: secretName,
    });
    await admin['live-operator'].requestJson({
      method: 'PATCH',
      path: `/api/v1/namespaces/${LIVE_NS}/secrets/${secretName}`,
      contentType: 'application/merge-patch+json',
      body: { data: { [secretKey]: null, config: secret.data[secretKey] } },
    });
    // a restart (kubectl rollout restart) makes the kubelet mount the Secret again
    operatorUp(LIVE_NS, helmValues);
    const broken = await untilStatus(
      server,
      s => diagnostic(s, 'operator-kubeconfig-secret')?.severity === 'error',
      'the wrong key is diagnosed',
    );
    expect(broken.instance.overall).not.toBe('healthy');
    const pod: any = await eventually(async () => {
      const list: any = await admin['live-operator'].requestJson({
        path: `/api/v1/namespaces/${LIVE_NS}/pods`,
      });
      const p = list.items.find((i: any) =>
        i.metadata.name.startsWith('platform-mesh-operator'),
      );
      return p?.status?.containerStatuses?.[0]?.state?.waiting?.reason ===
        'CreateContainerConfigError'
        ? p
        : undefined;
    }, 60_000);
    expect(pod.status.containerStatuses[0].state.waiting.message).toContain(
      secretKey,
    );

    expectCompleted(await runTemplate(server, liveValues()));
    await untilStatus(
      server,
      s => !diagnostic(s, 'operator-kubeconfig-secret'),
      'the operator Secret is repaired',
    );
    await eventually(async () => {
      const list: any = await admin['live-operator'].requestJson({
        path: `/api/v1/namespaces/${LIVE_NS}/pods`,
      });
      const p = list.items.find((i: any) =>
        i.metadata.name.startsWith('platform-mesh-operator'),
      );
      return p?.status?.containerStatuses?.[0]?.state?.running ? p : undefined;
    }, 60_000);
  });

  it("the operator's kubeconfig Secret emptied: the real operator exits at start, the launcher reports CrashLoopBackOff with its last words; the template repairs it", async () => {
    const values = helmValues.match(
      /remoteRuntime:[\s\S]*?secretName: (\S+)\s+secretKey: (\S+)/,
    )!;
    const [secretName, secretKey] = [values[1], values[2]];
    await admin['live-operator'].requestJson({
      method: 'PATCH',
      path: `/api/v1/namespaces/${LIVE_NS}/secrets/${secretName}`,
      contentType: 'application/merge-patch+json',
      body: { data: { [secretKey]: '' } },
    });
    operatorUp(LIVE_NS, helmValues); // a restart reads the Secret again
    const operatorPod = async () => {
      const list: any = await admin['live-operator'].requestJson({
        path: `/api/v1/namespaces/${LIVE_NS}/pods`,
      });
      return list.items.find((i: any) =>
        i.metadata.name.startsWith('platform-mesh-operator'),
      );
    };
    const crashed = await eventually(async () => {
      const p = await operatorPod();
      const cs = p?.status?.containerStatuses?.[0];
      return cs?.state?.waiting?.reason === 'CrashLoopBackOff' &&
        cs.lastState?.terminated
        ? cs
        : undefined;
    }, 60_000);
    expect(crashed.restartCount).toBeGreaterThanOrEqual(1);
    expect(crashed.lastState.terminated.exitCode).not.toBe(0);
    expect(crashed.lastState.terminated.message).toMatch(/kubeconfig|client/i);
    for (const secret of secretMaterial()) {
      expect(JSON.stringify(crashed)).not.toContain(secret);
    }

    // the hand edit owns the field now: the template stops with a conflict naming it unless
    // told to take it over (the form's "Take over fields other tools own")
    const conflicted = await runTemplate(server, liveValues());
    expect(conflicted.status).toBe('failed');
    expect(conflicted.log).toContain(
      `Secret ${LIVE_NS}/${secretName}: conflict`,
    );
    expectCompleted(
      await runTemplate(server, { ...liveValues(), force: true }),
    );
    await eventually(async () => {
      const p = await operatorPod();
      return p?.status?.containerStatuses?.[0]?.state?.running ? p : undefined;
    }, 60_000);
    await untilStatus(
      server,
      s => s.instance.overall === 'healthy',
      'the instance is healthy with the operator running again',
    );
  });

  it('a PlatformMesh on the wrong cluster is flagged, and the flag goes when it is removed', async () => {
    await admin['live-infra'].apply(
      {
        apiVersion: 'core.platform-mesh.io/v1alpha1',
        kind: 'PlatformMesh',
        metadata: { name: 'platform-mesh', namespace: LIVE_NS },
        spec: { exposure: { baseDomain: 'portal.localhost' } },
      } as any,
      { fieldManager: 'e2e-test' },
    );
    const flagged = await untilStatus(
      server,
      s => !!diagnostic(s, 'cr-on-wrong-cluster'),
      'the PlatformMesh on the infra cluster is flagged',
      60_000,
    );
    expect(diagnostic(flagged, 'cr-on-wrong-cluster').cluster).toBe('infra');
    await admin['live-infra'].requestJson({
      method: 'DELETE',
      path: `/apis/core.platform-mesh.io/v1alpha1/namespaces/${LIVE_NS}/platformmeshes/platform-mesh`,
    });
    await untilStatus(
      server,
      s => !diagnostic(s, 'cr-on-wrong-cluster'),
      'the flag goes away',
      60_000,
    );
  });

  it("a component's source missing: diagnosed, the overall is not healthy; once the component resolves again the operator recreates it", async () => {
    // as when the OCM controller cannot resolve the component: the OCM stand-in takes back the
    // Resource's status (the real operator heals a deleted HelmRepository from a resolved one)
    const resource = `/apis/delivery.ocm.software/v1alpha1/namespaces/${LIVE_NS}/resources/iam-service-chart`;
    const annotate = (value: string | null) =>
      admin['live-runtime'].requestJson({
        method: 'PATCH',
        path: resource,
        contentType: 'application/merge-patch+json',
        body: {
          metadata: {
            annotations: { 'dev-clusters.platform-mesh.io/resolve': value },
          },
        },
      });
    await annotate('false');
    await eventually(async () => {
      const r: any = await admin['live-runtime'].requestJson({
        path: resource,
      });
      return r.status?.resource ? undefined : r;
    }, 30_000);
    await admin['live-infra']
      .requestJson({
        method: 'DELETE',
        path: `/apis/source.toolkit.fluxcd.io/v1/namespaces/${LIVE_NS}/helmrepositories/iam-service`,
      })
      .catch(e => {
        if (!/not found/.test(String(e))) throw e; // gone already (a rerun)
      });
    await requestReconcile('iam-service');
    const broken = await untilStatus(
      server,
      s => !!diagnostic(s, 'source-missing'),
      'the missing source is diagnosed',
    );
    expect(diagnostic(broken, 'source-missing')).toMatchObject({
      severity: 'error',
      cluster: 'infra',
    });
    expect(diagnostic(broken, 'source-missing').summary).toContain(
      'iam-service',
    );
    expect(broken.instance.overall).not.toBe('healthy');
    // what real helm-controller does: the installed release keeps running the chart artifact it
    // already has, so the release itself is not reported broken; the next upgrade would fail
    expect(['healthy', 'degraded']).toContain(
      release(broken, 'iam-service').health,
    );

    await annotate(null);
    await untilStatus(
      server,
      s =>
        release(s, 'iam-service')?.health === 'healthy' &&
        !diagnostic(s, 'source-missing') &&
        s.instance.overall === 'healthy',
      'the source is recreated and the instance recovers',
    );
  });

  it('a profile change through a re-run of the template reaches the release', async () => {
    const portalRelease = async (): Promise<any> =>
      admin['live-infra'].get({
        apiVersion: 'helm.toolkit.fluxcd.io/v2',
        kind: 'HelmRelease',
        namespace: LIVE_NS,
        name: 'portal',
      });
    const before = (await portalRelease()).status.history[0].version;
    const domain = `changed-${Date.now().toString(36)}.portal.localhost`;
    const changed = LIVE_PROFILE.replace(
      'baseDomain: portal.localhost',
      `baseDomain: ${domain}`,
    );
    expect(changed).not.toBe(LIVE_PROFILE);
    expectCompleted(await runTemplate(server, liveValues(changed)));
    const cm: any = await eventually(async () => {
      const c: any = await admin['live-runtime'].tryGet({
        apiVersion: 'v1',
        kind: 'ConfigMap',
        namespace: LIVE_NS,
        name: 'portal-stand-in',
      });
      return c?.data?.['values.json']?.includes(domain) ? c : undefined;
    }, 240_000);
    expect(JSON.parse(cm.data['values.json']).baseDomain).toBe(domain);
    const upgraded = await untilStatus(
      server,
      s =>
        release(s, 'portal')?.health === 'healthy' &&
        release(s, 'portal')?.reason === 'UpgradeSucceeded' &&
        release(s, 'portal')?.revision === before + 1,
      'the card shows the upgraded release',
    );
    expect(upgraded.instance.overall).toBe('healthy');
    // the card's release row shows the new Helm revision, from status.history
    expect(release(upgraded, 'portal').revision).toBe(before + 1);
    // one Helm upgrade: a new release revision, the previous one superseded
    const hr = await portalRelease();
    expect(hr.status.history[0].version).toBe(before + 1);
    expect(hr.status.history[1].status).toBe('superseded');
  });
});

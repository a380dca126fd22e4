import {
  CLUSTERS,
  fullInventory,
  helmRelease,
  kcpWebhookSecret,
  NS,
  ocmResource,
  ociRepository,
  on,
  foreignSecret,
  platformMesh,
  profileConfigMap,
  REF,
  webhookCertSecret,
} from './__fixtures__/inventory';
import { planDecommission } from './planDecommission';
import type { DecommissionPlan } from './types';

const names = (plan: DecommissionPlan, step: string) =>
  plan.steps
    .find(s => s.id === step)!
    .objects.map(o => `${o.role}:${o.kind}/${o.namespace ?? ''}/${o.name}`);
const keptNames = (plan: DecommissionPlan) =>
  plan.kept.map(o => `${o.role}:${o.kind}/${o.namespace ?? ''}/${o.name}`);

describe('planDecommission', () => {
  it("removes the PlatformMesh, then the releases, the OCM Resources, their sources, the operator's webhook Secrets, then what the apply created", () => {
    const plan = planDecommission(fullInventory());
    expect(plan.steps.map(s => s.id)).toEqual([
      'platform-mesh',
      'releases',
      'ocm-resources',
      'sources',
      'webhook-secrets',
      'setup',
    ]);
    expect(names(plan, 'platform-mesh')).toEqual([
      `runtime:PlatformMesh/${NS}/pm`,
    ]);
    expect(names(plan, 'releases')).toEqual([
      `infra:HelmRelease/${NS}/portal`,
      `infra:HelmRelease/${NS}/demo`,
      `infra:Kustomization/${NS}/gateway-api`,
    ]);
    // the HelmRepository in another namespace goes because a release of the instance uses it
    expect(names(plan, 'sources')).toEqual([
      `infra:OCIRepository/${NS}/portal`,
      'infra:HelmRepository/charts/demo',
    ]);
    expect(names(plan, 'ocm-resources')).toEqual([
      `runtime:Resource/${NS}/portal-chart`,
      `runtime:Resource/${NS}/demo-chart`,
    ]);
    expect(names(plan, 'webhook-secrets')).toEqual([
      `runtime:Secret/${NS}/kcp-webhook-secret`,
      `runtime:Secret/${NS}/rebac-authz-webhook-cert`,
    ]);
    // the kubeconfig Secrets Flux and the operator use come after the releases, profile first
    expect(names(plan, 'setup')).toEqual([
      `runtime:ConfigMap/${NS}/pm-profile`,
      `infra:Secret/${NS}/platform-mesh-runtime-secret`,
      'operator:Secret/platform-mesh-system/platform-mesh-kubeconfig',
      'operator:Secret/platform-mesh-system/platform-mesh-infra-kubeconfig',
      'runtime:ServiceAccount/platform-mesh-system/platform-mesh-operator',
      'runtime:ServiceAccount/platform-mesh-system/platform-mesh-gitops',
    ]);
    expect(plan.kept).toEqual([]);
    expect(plan.steps[0].objects[0].cluster).toBe(CLUSTERS.runtime);
  });

  it('never plans a Namespace, and nothing outside the instance', () => {
    const inventory = fullInventory();
    inventory.objects.push(
      on('runtime', {
        apiVersion: 'v1',
        kind: 'Namespace',
        metadata: { name: NS },
      }),
      on('infra', {
        ...helmRelease('other-team'),
        metadata: {
          ...helmRelease('other-team').metadata,
          namespace: 'team-b',
        },
      }),
      on('runtime', {
        ...ocmResource('x'),
        metadata: { ...ocmResource('x').metadata, namespace: 'team-b' },
      }),
    );
    const all = planDecommission(inventory).steps.flatMap(s => s.objects);
    expect(all.some(o => o.kind === 'Namespace')).toBe(false);
    expect(all.some(o => o.namespace === 'team-b')).toBe(false);
  });

  it('keeps what neither this product nor the operator wrote, and says so', () => {
    const inventory = fullInventory();
    inventory.objects = inventory.objects.filter(
      o => o.object.metadata.name !== 'platform-mesh-runtime-secret',
    );
    inventory.objects.push(
      on('infra', foreignSecret(NS, 'platform-mesh-runtime-secret')),
      on('infra', ociRepository('hand-made', ['kubectl'])),
      on('runtime', ocmResource('hand-made-chart', ['kubectl'])),
    );
    const plan = planDecommission(inventory);
    expect(plan.kept).toEqual([
      expect.objectContaining({
        kind: 'OCIRepository',
        name: 'hand-made',
        reason: 'not written by the Platform Mesh operator',
      }),
      expect.objectContaining({
        kind: 'Resource',
        name: 'hand-made-chart',
        reason: 'not written by the Platform Mesh operator',
      }),
      expect.objectContaining({
        kind: 'Secret',
        name: 'platform-mesh-runtime-secret',
        reason: expect.stringContaining(
          'not created by Platform Mesh for Backstage',
        ),
      }),
    ]);
    expect(names(plan, 'setup')).not.toContain(
      `infra:Secret/${NS}/platform-mesh-runtime-secret`,
    );
  });

  it('needs both our label and our field manager for the apply objects', () => {
    const inventory = fullInventory();
    const labelOnly = profileConfigMap();
    (labelOnly.metadata as any).managedFields = [{ manager: 'kubectl' }];
    inventory.objects = inventory.objects.map(o =>
      o.object.kind === 'ConfigMap' ? on('runtime', labelOnly) : o,
    );
    const plan = planDecommission(inventory);
    expect(names(plan, 'setup')).not.toContain(
      `runtime:ConfigMap/${NS}/pm-profile`,
    );
    expect(keptNames(plan)).toEqual([`runtime:ConfigMap/${NS}/pm-profile`]);
  });

  it('keeps the shared kubeconfig Secret and the releases when another PlatformMesh shares the namespace', () => {
    const plan = planDecommission(fullInventory([platformMesh(NS, 'pm-2')]));
    expect(names(plan, 'platform-mesh')).toEqual([
      `runtime:PlatformMesh/${NS}/pm`,
    ]);
    expect(names(plan, 'releases')).toEqual([]);
    expect(names(plan, 'sources')).toEqual([]);
    expect(names(plan, 'ocm-resources')).toEqual([]);
    expect(names(plan, 'webhook-secrets')).toEqual([]);
    // its own profile still goes; the per-target objects stay for pm-2
    expect(names(plan, 'setup')).toEqual([
      `runtime:ConfigMap/${NS}/pm-profile`,
    ]);
    const secret = plan.kept.find(
      k => k.name === 'platform-mesh-runtime-secret',
    );
    expect(secret?.reason).toMatch(
      /shared with PlatformMesh team-a\/pm-2 in the same namespace \(namespace-shared\)/,
    );
    expect(plan.kept.find(k => k.kind === 'HelmRelease')?.reason).toMatch(
      /namespace-shared/,
    );
  });

  it('keeps the per-target objects for instances in other namespaces, and removes the instance namespace ones', () => {
    const plan = planDecommission(
      fullInventory([platformMesh('team-b', 'other')]),
    );
    expect(names(plan, 'releases')).toHaveLength(3);
    expect(names(plan, 'setup')).toEqual([
      `runtime:ConfigMap/${NS}/pm-profile`,
      `infra:Secret/${NS}/platform-mesh-runtime-secret`,
    ]);
    expect(keptNames(plan)).toEqual([
      'operator:Secret/platform-mesh-system/platform-mesh-kubeconfig',
      'operator:Secret/platform-mesh-system/platform-mesh-infra-kubeconfig',
      'runtime:ServiceAccount/platform-mesh-system/platform-mesh-operator',
      'runtime:ServiceAccount/platform-mesh-system/platform-mesh-gitops',
    ]);
    expect(plan.kept[0].reason).toMatch(
      /used by the target's other instances \(team-b\/other\)/,
    );
  });

  it("keeps webhook Secrets the operator or cert-manager did not write, and cert-manager's in the Certificate's namespace", () => {
    const foreign = fullInventory();
    foreign.objects = foreign.objects
      .filter(o => !/webhook/.test(o.object.metadata.name))
      .concat(
        on('runtime', kcpWebhookSecret(NS, ['kubectl'])),
        on('runtime', webhookCertSecret(NS, false)),
      );
    const plan = planDecommission(foreign);
    expect(names(plan, 'webhook-secrets')).toEqual([]);
    expect(plan.kept.map(k => [k.name, k.reason])).toEqual([
      ['kcp-webhook-secret', 'not written by the Platform Mesh operator'],
      [
        'rebac-authz-webhook-cert',
        'not issued by cert-manager (no cert-manager.io/certificate-name annotation)',
      ],
    ]);
    expect(names(plan, 'setup')).not.toContain(
      `runtime:Secret/${NS}/kcp-webhook-secret`,
    );

    const system = 'platform-mesh-system';
    const inSystem = planDecommission({
      ...fullInventory(),
      ref: { ...REF, namespace: system },
      platformMeshes: [platformMesh(system)],
      objects: [
        on('runtime', platformMesh(system)),
        on('runtime', kcpWebhookSecret(system)),
        on('runtime', webhookCertSecret(system)),
      ],
    });
    expect(names(inSystem, 'webhook-secrets')).toEqual([
      `runtime:Secret/${system}/kcp-webhook-secret`,
    ]);
    expect(inSystem.kept).toEqual([
      expect.objectContaining({
        name: 'rebac-authz-webhook-cert',
        reason: expect.stringContaining('deleted, it would come back'),
      }),
    ]);
  });

  it('keeps a profile ConfigMap another PlatformMesh reads', () => {
    const plan = planDecommission(
      fullInventory([
        platformMesh('team-b', 'other', {
          profileConfigMap: { name: 'pm-profile', namespace: NS },
        }),
      ]),
    );
    expect(plan.kept.find(k => k.kind === 'ConfigMap')?.reason).toBe(
      'the profile of PlatformMesh team-b/other too',
    );
  });

  it('plans nothing on a second run, when everything is gone', () => {
    const plan = planDecommission({
      ...fullInventory(),
      platformMeshes: [],
      objects: [],
    });
    expect(plan.steps.every(s => s.objects.length === 0)).toBe(true);
    expect(plan.kept).toEqual([]);
  });

  it('never matches the deployer PlatformMesh of the same name', () => {
    const inventory = fullInventory();
    inventory.objects = [
      on('runtime', {
        ...platformMesh(),
        apiVersion: 'deploy.platform-mesh.io/v1alpha1',
      }),
    ];
    expect(names(planDecommission(inventory), 'platform-mesh')).toEqual([]);
  });
});

import fs from 'fs';
import path from 'path';
import { PROFILE_HASH_ANNOTATION } from '../constants';
import { SetupValidationError } from '../validation/SetupValidationError';
import {
  FAKE_CREDENTIALS,
  argocdSetup,
  fluxcdSetup,
  minimalSetup,
} from './__fixtures__/setups';
import { describePlannedObject } from './describe';
import { stringifyManifests } from './manifests';
import { fromBase64Utf8 } from './base64';
import { renderPlan } from './plan';
import { redactObject } from './redact';
import { sha256Hex } from './sha256';
import type { RenderPlan } from './types';

function golden(plan: RenderPlan): string {
  const objects = plan.objects.map(
    p =>
      `# ${p.order}. ${describePlannedObject(p)} on cluster ${p.cluster}${
        p.sensitive ? ' (sensitive)' : ''
      }\n${stringifyManifests([p.object])}`,
  );
  return `${objects.join('---\n')}---\n# operator Helm values\n${
    plan.helmValuesYaml
  }`;
}

function expectGolden(name: string, actual: string) {
  const file = path.join(__dirname, '__fixtures__', name);
  if (process.env.UPDATE_GOLDEN) {
    fs.writeFileSync(file, actual);
  }
  expect(actual).toBe(fs.readFileSync(file, 'utf8'));
}

const summary = (plan: RenderPlan) =>
  plan.objects.map(p => `${p.order} ${p.cluster} ${describePlannedObject(p)}`);

describe('renderPlan', () => {
  it('renders the fluxcd plan (Operator != Infra) in apply order', () => {
    const plan = renderPlan(fluxcdSetup());
    expect(summary(plan)).toEqual([
      '1 operator operator/Namespace platform-mesh-system',
      '2 runtime runtime/Namespace platform-mesh-system',
      '3 infra infra/Namespace platform-mesh-system',
      '4 operator operator/Secret platform-mesh-system/platform-mesh-kubeconfig',
      '5 operator operator/Secret platform-mesh-system/platform-mesh-infra-kubeconfig',
      '6 infra infra/Secret platform-mesh-system/platform-mesh-runtime-secret',
      '7 runtime runtime/ConfigMap platform-mesh-system/platform-mesh-profile',
      '8 runtime runtime/PlatformMesh platform-mesh-system/platform-mesh',
    ]);
    expect(plan.objects.map(p => p.sensitive)).toEqual([
      false,
      false,
      false,
      true,
      true,
      true,
      false,
      false,
    ]);
    expect(plan.requiredSecrets).toEqual([]);
    expect(plan.annotation).toBe('dev/platform-mesh-system/platform-mesh');
    expect(plan.instanceRef).toEqual({
      target: 'dev',
      namespace: 'platform-mesh-system',
      name: 'platform-mesh',
    });
    expect(plan.helmValues.remoteInfra.enabled).toBe(true);
    expectGolden('plan-fluxcd.golden.yaml', golden(plan));
  });

  it('renders the argocd plan (Operator == Infra) with the Argo CD cluster Secret', () => {
    const plan = renderPlan(argocdSetup());
    expect(summary(plan)).toEqual([
      '1 mgmt operator/Namespace platform-mesh-system',
      '2 apps runtime/Namespace pm-prod',
      '3 mgmt infra/Namespace pm-prod',
      '4 mgmt operator/Secret platform-mesh-system/platform-mesh-kubeconfig',
      '5 mgmt infra/Secret argocd/platform-mesh-cluster-secret',
      '6 apps runtime/ConfigMap pm-prod/pm-profile',
      '7 apps runtime/PlatformMesh pm-prod/pm',
    ]);
    expect(plan.helmValues.remoteInfra.enabled).toBe(false);
    expect(plan.annotation).toBe('prod/pm-prod/pm');
    expectGolden('plan-argocd.golden.yaml', golden(plan));
  });

  it('lists Secrets without kubeconfig sources as required, and dedupes Namespaces', () => {
    const plan = renderPlan(minimalSetup());
    expect(summary(plan)).toEqual([
      '1 operator operator/Namespace platform-mesh-system',
      '2 runtime runtime/Namespace platform-mesh-system',
      '3 runtime runtime/ConfigMap platform-mesh-system/platform-mesh-profile',
      '4 runtime runtime/PlatformMesh platform-mesh-system/platform-mesh',
    ]);
    expect(plan.requiredSecrets.map(({ purpose, ...rest }) => rest)).toEqual([
      {
        id: 'operator-runtime-kubeconfig',
        role: 'operator',
        cluster: 'operator',
        name: 'platform-mesh-kubeconfig',
        namespace: 'platform-mesh-system',
        key: 'kubeconfig',
        keys: ['kubeconfig'],
        source: 'operatorToRuntime',
      },
      {
        id: 'flux-runtime-kubeconfig',
        role: 'infra',
        cluster: 'operator',
        name: 'platform-mesh-runtime-secret',
        namespace: 'platform-mesh-system',
        key: 'kubeconfig',
        keys: ['kubeconfig'],
        source: 'infraToRuntime',
      },
    ]);
  });

  it('adds the profile ConfigMap namespace when it differs', () => {
    const setup = minimalSetup();
    setup.profileConfigMap = { namespace: 'profiles', cluster: 'runtime' };
    expect(summary(renderPlan(setup))).toEqual([
      '1 operator operator/Namespace platform-mesh-system',
      '2 runtime runtime/Namespace platform-mesh-system',
      '3 runtime runtime/Namespace profiles',
      '4 runtime runtime/ConfigMap profiles/platform-mesh-profile',
      '5 runtime runtime/PlatformMesh platform-mesh-system/platform-mesh',
    ]);
  });

  it('renders one Secret when the operator and Flux share it (Operator == Infra, same namespace)', () => {
    const setup = fluxcdSetup();
    delete setup.target.infraCluster;
    delete setup.kubeconfigs!.operatorToInfra;
    setup.kubeconfigs!.infraToRuntime = setup.kubeconfigs!.operatorToRuntime;
    setup.secrets = {
      fluxRuntimeKubeconfig: {
        name: 'platform-mesh-kubeconfig',
        key: 'kubeconfig',
      },
    };
    const plan = renderPlan(setup);
    expect(
      plan.objects
        .filter(p => p.object.kind === 'Secret')
        .map(p => describePlannedObject(p)),
    ).toEqual([
      'operator/Secret platform-mesh-system/platform-mesh-kubeconfig',
    ]);
    expect(plan.requiredSecrets).toEqual([]);
    expect(plan.helmValues.remoteRuntime).toEqual({
      enabled: true,
      secretName: 'platform-mesh-kubeconfig',
      secretKey: 'kubeconfig',
      infra: {
        secretName: 'platform-mesh-kubeconfig',
        secretKey: 'kubeconfig',
      },
    });

    delete setup.kubeconfigs!.infraToRuntime;
    expect(renderPlan(setup).requiredSecrets).toEqual([]);
  });

  it('annotates the PlatformMesh with the profile hash', () => {
    const plan = renderPlan(fluxcdSetup());
    const cr = plan.objects[plan.objects.length - 1].object;
    expect(plan.profileHash).toBe(sha256Hex(plan.profileYaml));
    expect(cr.metadata.annotations).toEqual({
      [PROFILE_HASH_ANNOTATION]: plan.profileHash,
    });

    const custom = renderPlan(fluxcdSetup(), { profileHash: 'given' });
    expect(
      custom.objects[custom.objects.length - 1].object.metadata.annotations,
    ).toEqual({
      [PROFILE_HASH_ANNOTATION]: 'given',
    });
    const none = renderPlan(fluxcdSetup(), { profileHash: false });
    expect(
      none.objects[none.objects.length - 1].object.metadata.annotations,
    ).toBeUndefined();
    expect(none.profileHash).toBeUndefined();
  });

  it('changes the hash when only the profile changes', () => {
    const a = renderPlan(fluxcdSetup());
    const setup = fluxcdSetup();
    (setup.profile as { options: { timeout?: string } }).options.timeout =
      '25m';
    const b = renderPlan(setup);
    expect(b.profileHash).not.toBe(a.profileHash);
  });

  it('is deterministic', () => {
    expect(renderPlan(argocdSetup())).toEqual(renderPlan(argocdSetup()));
    expect(golden(renderPlan(fluxcdSetup()))).toBe(
      golden(renderPlan(fluxcdSetup())),
    );
  });

  it('throws a SetupValidationError naming every problem', () => {
    const setup = fluxcdSetup();
    setup.exposure!.port = 0;
    setup.instance.name = 'Bad_Name';
    let error: unknown;
    try {
      renderPlan(setup);
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(SetupValidationError);
    expect((error as SetupValidationError).problems.map(p => p.path)).toEqual([
      'instance.name',
      'exposure.port',
    ]);
    expect((error as Error).message).toContain(
      'exposure.port: must be an integer from 1 to 65535',
    );
  });

  it('never puts credentials in descriptions or redacted objects', () => {
    for (const plan of [renderPlan(fluxcdSetup()), renderPlan(argocdSetup())]) {
      // Secret values are base64 `data`: look for the credentials decoded, and for the encoded
      // values themselves, so an encoded leak is caught too.
      const encoded = plan.objects
        .filter(p => p.object.kind === 'Secret')
        .flatMap(p =>
          Object.values(
            (p.object as { data?: Record<string, string> }).data ?? {},
          ),
        );
      const raw = encoded.map(fromBase64Utf8).join('\n');
      // The fixture really renders them ...
      expect(FAKE_CREDENTIALS.some(c => raw.includes(c))).toBe(true);
      expect(encoded.length).toBeGreaterThan(0);
      // ... but neither the log line nor the redacted copy shows any.
      const logged = plan.objects
        .map(p => `${describePlannedObject(p)} ${p.description}`)
        .join('\n');
      const redacted = JSON.stringify(
        plan.objects.map(p => redactObject(p.object)),
      );
      const helm = plan.helmValuesYaml + JSON.stringify(plan.requiredSecrets);
      for (const credential of [...FAKE_CREDENTIALS, ...encoded]) {
        expect(logged).not.toContain(credential);
        expect(redacted).not.toContain(credential);
        expect(helm).not.toContain(credential);
      }
      expect(redacted).toContain('<redacted>');
    }
  });
});

import { PLATFORM_MESH_OWNER_ANNOTATION } from '../catalog/annotations';
import { argocdSetup, fluxcdSetup } from './__fixtures__/setups';
import { instanceSettingsOf } from './instanceSettings';
import { renderPlan } from './plan';

describe('instanceSettingsOf', () => {
  const rendered = (
    setup: ReturnType<typeof fluxcdSetup>,
    annotations = {},
  ) => {
    const plan = renderPlan(setup, { annotations });
    const pm = plan.objects.find(o => o.object.kind === 'PlatformMesh')!.object;
    return { plan, pm: pm as any };
  };

  it('reads back what was rendered: re-rendering the settings gives the same objects', () => {
    for (const setup of [fluxcdSetup(), argocdSetup()]) {
      const { plan, pm } = rendered(setup, {
        [PLATFORM_MESH_OWNER_ANNOTATION]: 'group:default/team',
      });
      const settings = instanceSettingsOf(pm, plan.profileYaml);
      expect(settings.owner).toBe('group:default/team');
      expect(settings.notes).toEqual([]);
      const again = renderPlan(
        {
          ...setup,
          exposure: settings.baseDomain
            ? {
                baseDomain: settings.baseDomain,
                port: settings.port!,
                protocol: settings.protocol!,
              }
            : undefined,
          featureToggles: settings.featureToggles?.map(name => ({ name })),
          kcp: settings.kcp as any,
          values: settings.values,
          profile: { yaml: settings.profile! },
          profileConfigMapName: settings.profileConfigMapName,
        },
        { annotations: { [PLATFORM_MESH_OWNER_ANNOTATION]: settings.owner! } },
      );
      const runtime = (p: typeof plan) =>
        p.objects.filter(
          o => o.role === 'runtime' && o.object.kind !== 'Namespace',
        );
      expect(runtime(again).map(o => o.object)).toEqual(
        runtime(plan).map(o => o.object),
      );
    }
  });

  it('lists the enabled services and says what it cannot carry over', () => {
    const { plan, pm } = rendered(fluxcdSetup());
    expect(instanceSettingsOf(pm, plan.profileYaml).services).toContain(
      'portal',
    );
    const elsewhere = {
      ...pm,
      spec: { ...pm.spec, profileConfigMap: { name: 'p', namespace: 'other' } },
    };
    const settings = instanceSettingsOf(elsewhere, undefined);
    expect(settings.profileConfigMapName).toBe('p');
    expect(settings.profile).toBeUndefined();
    expect(settings.notes).toEqual([
      "the profile ConfigMap is in namespace other, not the instance's: an apply writes it next to the PlatformMesh",
      'the profile ConfigMap is missing: an apply builds a new profile from services',
    ]);
  });
});

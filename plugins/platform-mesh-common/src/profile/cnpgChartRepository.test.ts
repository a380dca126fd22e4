import { minimalSetup } from '../render/__fixtures__/setups';
import { renderPlan } from '../render/plan';
import { validateSetup } from '../validation/validateSetup';
import { parse } from 'yaml';
import {
  CNPG_CHART_REPOSITORY,
  defaultServiceConfigs,
} from './serviceDefaults';

describe('cnpg-operator in argocd mode with the defaults', () => {
  const argocd = () => {
    const setup = minimalSetup();
    setup.deploymentTechnology = 'argocd';
    setup.profile = {
      options: { destinationServer: 'https://10.0.0.1:6443' },
    };
    return setup;
  };

  it('has the upstream argocd profile chart source, so the default setup is valid', () => {
    expect(
      defaultServiceConfigs({
        deploymentTechnology: 'argocd',
        namespace: 'pm',
      })['cnpg-operator'],
    ).toMatchObject({
      helmRepo: true,
      repoURL: 'ghcr.io/cloudnative-pg/charts',
      chart: 'cloudnative-pg',
      version: '0.28.0',
    });
    expect(validateSetup(argocd()).ok).toBe(true);
    const profile = parse(renderPlan(argocd()).profileYaml);
    expect(profile.components.services['cnpg-operator'].repoURL).toBe(
      CNPG_CHART_REPOSITORY,
    );
  });

  it('keeps a per-service override (a mirror) and sets no repoURL in fluxcd mode', () => {
    const setup = argocd();
    setup.profile = {
      options: {
        destinationServer: 'https://10.0.0.1:6443',
        serviceOverrides: {
          'cnpg-operator': { repoURL: 'https://charts.example.com/cnpg' },
        },
      },
    };
    expect(
      parse(renderPlan(setup).profileYaml).components.services['cnpg-operator']
        .repoURL,
    ).toBe('https://charts.example.com/cnpg');
    expect(
      defaultServiceConfigs({
        deploymentTechnology: 'fluxcd',
        namespace: 'pm',
      })['cnpg-operator'].repoURL,
    ).toBeUndefined();
  });
});

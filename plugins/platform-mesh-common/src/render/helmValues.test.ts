import { parse } from 'yaml';
import { fluxcdSetup, minimalSetup } from './__fixtures__/setups';
import {
  renderOperatorHelmValues,
  renderOperatorHelmValuesYaml,
} from './helmValues';

describe('renderOperatorHelmValues', () => {
  it('enables remoteInfra only when Operator != Infra', () => {
    expect(renderOperatorHelmValues(fluxcdSetup())).toEqual({
      remoteRuntime: {
        enabled: true,
        secretName: 'platform-mesh-kubeconfig',
        secretKey: 'kubeconfig',
        infra: {
          secretName: 'platform-mesh-runtime-secret',
          secretKey: 'kubeconfig',
        },
      },
      remoteInfra: {
        enabled: true,
        secretName: 'platform-mesh-infra-kubeconfig',
        secretKey: 'kubeconfig',
      },
    });
    expect(renderOperatorHelmValues(minimalSetup()).remoteInfra.enabled).toBe(
      false,
    );
  });

  it('matches overridden Secret names and keys', () => {
    const setup = fluxcdSetup();
    setup.secrets = {
      operatorRuntimeKubeconfig: { name: 'rt', key: 'config' },
      operatorInfraKubeconfig: { name: 'inf', key: 'value' },
      fluxRuntimeKubeconfig: { name: 'flux-rt', key: 'kc' },
    };
    expect(renderOperatorHelmValues(setup)).toEqual({
      remoteRuntime: {
        enabled: true,
        secretName: 'rt',
        secretKey: 'config',
        infra: { secretName: 'flux-rt', secretKey: 'kc' },
      },
      remoteInfra: { enabled: true, secretName: 'inf', secretKey: 'value' },
    });
  });

  it('has a YAML form with the same content', () => {
    const setup = fluxcdSetup();
    expect(parse(renderOperatorHelmValuesYaml(setup))).toEqual(
      renderOperatorHelmValues(setup),
    );
  });
});

import { parse } from 'yaml';
import { FAKE } from './__fixtures__/setups';
import { buildArgocdClusterConfig, buildKubeconfig } from './kubeconfig';

describe('buildKubeconfig', () => {
  it('builds a token kubeconfig with a CA', () => {
    const yaml = buildKubeconfig(
      {
        server: 'https://10.0.0.12:6443',
        caData: FAKE.caData,
        credential: { token: FAKE.infraToRuntimeToken },
      },
      { clusterName: 'runtime', user: 'flux' },
    );
    expect(parse(yaml)).toEqual({
      apiVersion: 'v1',
      kind: 'Config',
      clusters: [
        {
          name: 'runtime',
          cluster: {
            server: 'https://10.0.0.12:6443',
            'certificate-authority-data': FAKE.caData,
          },
        },
      ],
      users: [{ name: 'flux', user: { token: FAKE.infraToRuntimeToken } }],
      contexts: [
        { name: 'runtime', context: { cluster: 'runtime', user: 'flux' } },
      ],
      'current-context': 'runtime',
    });
  });

  it('builds a client-certificate kubeconfig that skips TLS verification', () => {
    const yaml = buildKubeconfig(
      {
        server: 'https://127.0.0.1:16443',
        insecureSkipTlsVerify: true,
        credential: {
          clientCertificateData: FAKE.clientCertificateData,
          clientKeyData: FAKE.clientKeyData,
        },
      },
      { clusterName: 'infra', user: 'operator' },
    );
    expect(parse(yaml)).toEqual({
      apiVersion: 'v1',
      kind: 'Config',
      clusters: [
        {
          name: 'infra',
          cluster: {
            server: 'https://127.0.0.1:16443',
            'insecure-skip-tls-verify': true,
          },
        },
      ],
      users: [
        {
          name: 'operator',
          user: {
            'client-certificate-data': FAKE.clientCertificateData,
            'client-key-data': FAKE.clientKeyData,
          },
        },
      ],
      contexts: [
        { name: 'infra', context: { cluster: 'infra', user: 'operator' } },
      ],
      'current-context': 'infra',
    });
    expect(yaml).not.toMatch(/\n\s+[A-Za-z0-9+/=]+\n/); // base64 values are never folded
  });
});

describe('buildArgocdClusterConfig', () => {
  it('uses bearerToken for tokens', () => {
    expect(
      JSON.parse(
        buildArgocdClusterConfig({
          server: 'https://x:6443',
          caData: FAKE.caData,
          credential: { token: FAKE.infraToRuntimeToken },
        }),
      ),
    ).toEqual({
      bearerToken: FAKE.infraToRuntimeToken,
      tlsClientConfig: { insecure: false, caData: FAKE.caData },
    });
  });

  it('uses certData/keyData for client certificates', () => {
    expect(
      JSON.parse(
        buildArgocdClusterConfig({
          server: 'https://x:6443',
          insecureSkipTlsVerify: true,
          credential: {
            clientCertificateData: FAKE.clientCertificateData,
            clientKeyData: FAKE.clientKeyData,
          },
        }),
      ),
    ).toEqual({
      tlsClientConfig: {
        insecure: true,
        certData: FAKE.clientCertificateData,
        keyData: FAKE.clientKeyData,
      },
    });
  });
});

import { buildKubeConfig } from './buildKubeConfig';

const base = {
  name: 'runtime',
  url: 'https://127.0.0.1:16443',
  authProvider: 'serviceAccount',
  skipTLSVerify: false,
  configPath: 'test',
};

describe('buildKubeConfig', () => {
  it('builds one cluster, user and context in memory', async () => {
    const caData = Buffer.from(
      '-----BEGIN CERTIFICATE-----\nx\n-----END CERTIFICATE-----\n',
    ).toString('base64');
    const kc = buildKubeConfig(
      { ...base, caData },
      { type: 'bearer token', token: 't0k3n' },
    );
    expect(kc.getCurrentCluster()).toMatchObject({
      name: 'runtime',
      server: base.url,
      caData,
      skipTLSVerify: false,
    });
    const options: any = {};
    await kc.applyToHTTPSOptions(options);
    expect(options.headers.Authorization).toBe('Bearer t0k3n');
    expect(options.ca.toString()).toContain('BEGIN CERTIFICATE');
  });

  it('sets skipTLSVerify for http:// URLs', () => {
    const kc = buildKubeConfig(
      { ...base, url: 'http://127.0.0.1:8080' },
      { type: 'anonymous' },
    );
    expect(kc.getCurrentCluster()?.skipTLSVerify).toBe(true);
    expect(kc.getCurrentUser()?.token).toBeUndefined();
  });

  it('carries a client certificate', async () => {
    const kc = buildKubeConfig(base, {
      type: 'x509 client certificate',
      cert: 'CERT-PEM',
      key: 'KEY-PEM',
    });
    const options: any = {};
    await kc.applyToHTTPSOptions(options);
    expect(options.cert.toString()).toBe('CERT-PEM');
    expect(options.key.toString()).toBe('KEY-PEM');
  });
});

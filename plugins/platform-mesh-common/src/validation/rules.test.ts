import {
  isBase64,
  isDataKey,
  isDnsLabel,
  isDnsSubdomain,
  isDomainName,
  isGoDuration,
  isHttpUrl,
} from './rules';

describe('format rules', () => {
  it('checks RFC 1123 labels', () => {
    expect(isDnsLabel('platform-mesh-system')).toBe(true);
    expect(isDnsLabel('a')).toBe(true);
    expect(isDnsLabel('0abc')).toBe(true);
    expect(isDnsLabel('a'.repeat(63))).toBe(true);
    expect(isDnsLabel('a'.repeat(64))).toBe(false);
    for (const bad of ['', 'A', 'a_b', '-a', 'a-', 'a.b', 'a b']) {
      expect(isDnsLabel(bad)).toBe(false);
    }
  });

  it('checks RFC 1123 subdomains', () => {
    expect(isDnsSubdomain('platform-mesh-kubeconfig')).toBe(true);
    expect(isDnsSubdomain('core.platform-mesh.io')).toBe(true);
    expect(
      isDnsSubdomain(
        `${'a'.repeat(63)}.${'b'.repeat(63)}.${'c'.repeat(63)}.${'d'.repeat(
          61,
        )}`,
      ),
    ).toBe(true);
    expect(isDnsSubdomain('a'.repeat(254))).toBe(false);
    for (const bad of ['', 'A.b', 'a..b', '.a', 'a.', 'a_b', 'a.-b']) {
      expect(isDnsSubdomain(bad)).toBe(false);
    }
  });

  it('checks domain names', () => {
    for (const good of [
      'localhost',
      'portal.localhost',
      'portal.example.com',
      'Portal.Example.COM',
      'a-1.b',
    ]) {
      expect(isDomainName(good)).toBe(true);
    }
    for (const bad of [
      '',
      'https://a.b',
      'a.b:8443',
      'a.b/',
      'a..b',
      'a.',
      '-a.b',
      '*.a.b',
      'a_b.c',
      `${'a'.repeat(64)}.b`,
    ]) {
      expect(isDomainName(bad)).toBe(false);
    }
  });

  it('checks data keys', () => {
    for (const good of ['kubeconfig', 'profile.yaml', 'a-b_c.D9'])
      expect(isDataKey(good)).toBe(true);
    for (const bad of ['', 'a/b', 'a b', '.', '..', 'ü'])
      expect(isDataKey(bad)).toBe(false);
  });

  it('checks http(s) URLs', () => {
    for (const good of [
      'https://10.0.0.1:6443',
      'http://127.0.0.1:8080',
      'https://api.example.com/path',
      'https://[::1]:6443',
      'https://kubernetes.default.svc',
    ]) {
      expect(isHttpUrl(good)).toBe(true);
    }
    for (const bad of [
      '',
      'ftp://a',
      '10.0.0.1:6443',
      'https://',
      'https://${RUNTIME_CLUSTER_IP}:6443',
      'https://a b',
      'https:///x',
      'https://a:70000',
    ]) {
      expect(isHttpUrl(bad)).toBe(false);
    }
  });

  it('checks base64 and Go durations', () => {
    expect(isBase64('ZmFrZQ==')).toBe(true);
    expect(isBase64('ZmFrZS1h')).toBe(true);
    expect(isBase64('ZmFrZQ')).toBe(false);
    expect(isBase64('-----BEGIN')).toBe(false);
    expect(isBase64('')).toBe(false);
    for (const good of ['15m', '1h30m', '90s', '1.5h', '500ms'])
      expect(isGoDuration(good)).toBe(true);
    for (const bad of ['', '15', 'm', '15 m', '1d'])
      expect(isGoDuration(bad)).toBe(false);
  });
});

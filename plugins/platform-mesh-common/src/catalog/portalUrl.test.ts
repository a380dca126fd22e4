import { instancePortalUrl } from './portalUrl';

describe('instancePortalUrl', () => {
  it.each([
    [{ baseDomain: 'portal.localhost' }, 'https://portal.localhost:8443'],
    [
      { baseDomain: 'portal.example.com', port: 443 },
      'https://portal.example.com',
    ],
    [
      { baseDomain: 'pm.example.com', port: 80, protocol: 'http' },
      'http://pm.example.com',
    ],
    [
      { baseDomain: 'pm.example.com', port: 9443, protocol: 'HTTPS' },
      'https://pm.example.com:9443',
    ],
  ])('%j gives %s', (exposure, url) => {
    expect(instancePortalUrl(exposure)).toBe(url);
  });

  it.each([
    [undefined],
    [{}],
    [{ baseDomain: '' }],
    [{ baseDomain: 'evil.com/path' }],
    [{ baseDomain: 'a.example.com', protocol: 'javascript' }],
    [{ baseDomain: 'a.example.com', port: 70000 }],
  ])('gives no URL for %j', exposure => {
    expect(instancePortalUrl(exposure)).toBeUndefined();
  });
});

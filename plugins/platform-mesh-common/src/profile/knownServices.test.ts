import {
  DEFAULT_ENABLED_SERVICES,
  isKnownService,
  KNOWN_SERVICES,
} from './knownServices';

describe('known services', () => {
  it('lists the 19 services of the upstream profiles', () => {
    expect(KNOWN_SERVICES).toHaveLength(19);
    expect(new Set(KNOWN_SERVICES).size).toBe(19);
    expect(KNOWN_SERVICES).toContain('kcp-operator');
    expect(KNOWN_SERVICES).toContain('terminal-controller-manager');
  });

  it('enables what the remote profiles enable', () => {
    expect(DEFAULT_ENABLED_SERVICES).toHaveLength(15);
    expect(DEFAULT_ENABLED_SERVICES).not.toContain('iam-service');
    expect(DEFAULT_ENABLED_SERVICES).not.toContain('observability');
    expect(DEFAULT_ENABLED_SERVICES).not.toContain('kcp');
    expect(DEFAULT_ENABLED_SERVICES).not.toContain(
      'terminal-controller-manager',
    );
  });

  it('recognises known names only', () => {
    expect(isKnownService('portal')).toBe(true);
    expect(isKnownService('Portal')).toBe(false);
    expect(isKnownService('my-service')).toBe(false);
  });
});

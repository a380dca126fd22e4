import { normalizeEntityRef } from './entityRef';

describe('normalizeEntityRef', () => {
  const owner = (text: string) =>
    normalizeEntityRef(text, ['group', 'user'], 'group');

  it('completes and lower-cases refs of the allowed kinds', () => {
    expect(owner('group:default/platform-team')).toEqual({
      ok: true,
      ref: 'group:default/platform-team',
    });
    expect(owner('User:Guest')).toEqual({
      ok: true,
      ref: 'user:default/guest',
    });
    expect(owner('team-a')).toEqual({ ok: true, ref: 'group:default/team-a' });
    expect(owner('group:ops/sre')).toEqual({ ok: true, ref: 'group:ops/sre' });
  });

  it('refuses other kinds, malformed refs and a missing kind when none is defaulted', () => {
    expect(owner('component:default/x')).toEqual({
      ok: false,
      message: 'must be a ref of kind group or user, got kind "component"',
    });
    for (const bad of [
      'group:default/a/b',
      'group:',
      'a b',
      'group:Default_NS/x',
      '-x',
    ]) {
      expect(owner(bad).ok).toBe(false);
    }
    expect(normalizeEntityRef('platform-mesh-remote', ['template'])).toEqual({
      ok: false,
      message:
        'must name its kind (template), e.g. template:default/platform-mesh-remote',
    });
    expect(
      normalizeEntityRef('template:default/platform-mesh-remote', ['template']),
    ).toEqual({ ok: true, ref: 'template:default/platform-mesh-remote' });
  });

  it('quotes long input only truncated', () => {
    const result = owner(`group:default/${'x'.repeat(500)} y`);
    expect(result.ok).toBe(false);
    expect(JSON.stringify(result).length).toBeLessThan(300);
  });
});

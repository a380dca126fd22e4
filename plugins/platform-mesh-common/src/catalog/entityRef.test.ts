import { entityRefProblem } from './entityRef';

describe('entityRefProblem', () => {
  it.each([
    'group:default/platform-team',
    'user:default/guest',
    'group:platform-team',
    'platform-team',
    'Group:team-a/Ops_Team.1',
  ])('accepts %s', ref => {
    expect(entityRefProblem(ref)).toBeUndefined();
  });

  it.each([
    ['', /form/],
    ['group:default/', /form/],
    ['a:b:c', /form/],
    ['1group:default/x', /kind/],
    ['group:Default/x', /namespace/],
    ['group:default/-x', /name/],
    ['group:default/x y', /name/],
    [`group:default/${'x'.repeat(64)}`, /name/],
  ])('refuses %j', (ref, problem) => {
    expect(entityRefProblem(ref)).toMatch(problem);
  });

  it('checks the kind when kinds are given', () => {
    expect(
      entityRefProblem('group:default/a', ['group', 'user']),
    ).toBeUndefined();
    expect(
      entityRefProblem('User:default/a', ['group', 'user']),
    ).toBeUndefined();
    expect(entityRefProblem('component:default/a', ['group', 'user'])).toMatch(
      /one of group, user/,
    );
    expect(entityRefProblem('a', ['group', 'user'])).toMatch(/kind/);
  });
});

import { namespaceAllowed, namespacePatternProblem } from './namespacePatterns';

describe('namespaceAllowed', () => {
  it.each([
    [['platform-mesh-system'], 'platform-mesh-system', true],
    [['platform-mesh-system'], 'platform-mesh-system2', false],
    [['pm-*'], 'pm-healthy', true],
    [['pm-*'], 'pm-', true],
    [['pm-*'], 'xpm-healthy', false],
    [['*-mesh'], 'team-mesh', true],
    [['*-mesh'], 'team-meshes', false],
    [['a*b*c'], 'abc', true],
    [['a*b*c'], 'aXbYc', true],
    [['a*b*c'], 'acb', false],
    [['ab*ba'], 'aba', false],
    [['*'], 'anything', true],
    [[], 'platform-mesh-system', false],
    [['other', 'team-*'], 'team-x', true],
  ])('%j allows %s: %s', (patterns, namespace, expected) => {
    expect(namespaceAllowed(patterns, namespace)).toBe(expected);
  });
});

describe('namespacePatternProblem', () => {
  it('accepts names and patterns', () => {
    expect(namespacePatternProblem('platform-mesh-system')).toBeUndefined();
    expect(namespacePatternProblem('team-*')).toBeUndefined();
    expect(namespacePatternProblem('*')).toBeUndefined();
  });

  it('names what is wrong', () => {
    expect(namespacePatternProblem('')).toMatch(/empty/);
    expect(namespacePatternProblem('Team')).toMatch(/lower-case/);
    expect(namespacePatternProblem('a/b')).toMatch(/lower-case/);
    expect(namespacePatternProblem('x'.repeat(64))).toMatch(/63/);
  });
});

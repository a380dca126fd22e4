import { parseProfileYaml, readProfile } from './parseProfileYaml';

describe('parseProfileYaml', () => {
  it('parses a valid profile', () => {
    const result = parseProfileYaml(
      "infra: {}\ncomponents:\n  services:\n    portal:\n      values:\n        cookieDomain: '{{ .baseDomain }}'\n",
    );
    expect(result.problems).toEqual([]);
    expect(result.value).toEqual({
      infra: {},
      components: {
        services: { portal: { values: { cookieDomain: '{{ .baseDomain }}' } } },
      },
    });
  });

  it('accepts templates inside plain scalars that do not start with {{', () => {
    const result = parseProfileYaml('a: kcp.api.{{ .baseDomain }}\n');
    expect(result.problems).toEqual([]);
    expect(result.value).toEqual({ a: 'kcp.api.{{ .baseDomain }}' });
  });

  it('finds a template expression that YAML read as a flow mapping', () => {
    const result = parseProfileYaml('components:\n  port: {{ .port }}\n');
    expect(result.value).toBeUndefined();
    expect(result.problems).toHaveLength(1);
    expect(result.problems[0].path).toBe('profile.yaml');
    expect(result.problems[0].message).toContain('line 2, column 9');
    expect(result.problems[0].message).toContain('{{ .port }} is not quoted');
    expect(result.problems[0].message).toContain("'{{ .baseDomain }}'");
  });

  it('finds unquoted templates in lists too', () => {
    const result = parseProfileYaml('a:\n- {{ .x }}\n- ok\n');
    expect(result.problems.map(p => p.message)).toEqual([
      expect.stringContaining(
        'line 2, column 3: template expression {{ .x }} is not quoted',
      ),
    ]);
  });

  it('adds the quoting hint to syntax errors on lines with a template', () => {
    const result = parseProfileYaml('a: {{ .baseDomain }}.example\n');
    expect(result.problems.length).toBeGreaterThan(0);
    expect(result.problems[0].message).toMatch(/^line 1, column \d+: /);
    expect(result.problems[0].message).toContain(
      'must sit inside quoted strings',
    );
  });

  it('reports syntax errors with their position and no hint otherwise', () => {
    const result = parseProfileYaml('a:\n  b: 1\n c: 2\n');
    expect(result.problems).toHaveLength(1);
    expect(result.problems[0].message).toMatch(/^line 3, column 1: /);
    expect(result.problems[0].message).not.toContain('quoted');
  });

  it('accepts duplicate keys as the operator does (the last one wins), with a warning naming key and path', () => {
    const result = parseProfileYaml(
      'components:\n  services:\n    portal:\n      enabled: false\n      enabled: true\n  timeout: 1m\n  timeout: 2m\n  timeout: 3m\n',
    );
    expect(result.problems).toEqual([]);
    expect(result.value).toEqual({
      components: { services: { portal: { enabled: true } }, timeout: '3m' },
    });
    expect(result.warnings).toEqual([
      {
        path: 'profile.yaml.components.services.portal.enabled',
        message:
          'the key "enabled" is given 2 times in one mapping; the operator (sigs.k8s.io/yaml) uses the last one',
      },
      {
        path: 'profile.yaml.components.timeout',
        message:
          'the key "timeout" is given 3 times in one mapping; the operator (sigs.k8s.io/yaml) uses the last one',
      },
    ]);
  });

  it('finds duplicate keys inside lists and names a long key cut short', () => {
    const long = 'k'.repeat(500);
    const result = parseProfileYaml(
      `a:\n  - ${long}: 1\n    ${long}: 2\n`,
      'p',
    );
    expect(result.problems).toEqual([]);
    expect(result.warnings).toHaveLength(1);
    expect(result.warnings[0].path).toBe(`p.a[0].${'k'.repeat(80)}…`);
    expect(result.warnings[0].message.length).toBeLessThan(200);
  });

  it('warns about nothing in a profile without duplicate keys', () => {
    expect(parseProfileYaml('a: 1\nb: {a: 1}\n').warnings).toEqual([]);
  });

  it('rejects empty text and several documents', () => {
    expect(parseProfileYaml('  \n').problems).toEqual([
      { path: 'profile.yaml', message: 'the profile is empty' },
    ]);
    expect(parseProfileYaml('a: 1\n---\nb: 2\n', 'x').problems).toEqual([
      { path: 'x', message: 'the profile must be one YAML document, found 2' },
    ]);
  });

  it('rejects complex keys', () => {
    expect(parseProfileYaml('? [a, b]\n: c\n').problems).toEqual([
      {
        path: 'profile.yaml',
        message:
          'mapping keys must be plain strings (complex keys are not allowed)',
      },
    ]);
  });

  it('reads a typed profile only from a mapping', () => {
    expect(readProfile('infra: {}\ncomponents: {}\n')).toEqual({
      infra: {},
      components: {},
    });
    expect(readProfile('- a\n')).toBeUndefined();
    expect(readProfile('a: {{ .x }}\n')).toBeUndefined();
  });
});

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

  it('rejects duplicate keys, empty text and several documents', () => {
    expect(parseProfileYaml('a: 1\na: 2\n').problems[0].message).toContain(
      'unique',
    );
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

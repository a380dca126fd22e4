import { formatInstanceEntityName } from './instanceEntityName';

describe('formatInstanceEntityName', () => {
  const ref = { target: 'dev', namespace: 'platform-mesh-system', name: 'pm' };

  it('fills the default pattern', () => {
    expect(formatInstanceEntityName(ref)).toBe('dev-platform-mesh-system-pm');
  });

  it('fills a custom pattern and replaces characters entity names cannot hold', () => {
    expect(formatInstanceEntityName(ref, 'pm:{target}/{name}')).toBe(
      'pm-dev-pm',
    );
  });

  it('cuts long names to 63 characters with a hash, so two long names do not collide', () => {
    const a = formatInstanceEntityName({
      ...ref,
      name: `${'a'.repeat(60)}-one`,
    });
    const b = formatInstanceEntityName({
      ...ref,
      name: `${'a'.repeat(60)}-two`,
    });
    expect(a).toHaveLength(63);
    expect(b).toHaveLength(63);
    expect(a).not.toBe(b);
    expect(a).toMatch(/^[a-zA-Z0-9][a-zA-Z0-9\-_.]*[a-zA-Z0-9]$/);
  });
});

import { SecretWatchIndex } from './SecretWatchIndex';
import { secretNameWatch } from './watchSpecs';

const watch = (name: string) => ({
  cluster: 'infra',
  spec: secretNameWatch(name),
});

describe('SecretWatchIndex', () => {
  it('keeps one watch per Secret name, however many namespaces use it', () => {
    const index = new SecretWatchIndex();
    expect(index.set('dev', 'a', [watch('kc')])).toBe(true);
    for (let i = 0; i < 50; i++) {
      expect(index.set('dev', `ns-${i}`, [watch('kc')])).toBe(false);
    }
    expect([...index.watches().values()]).toEqual([watch('kc')]);
    expect(index.set('dev', 'b', [watch('kc'), watch('other')])).toBe(true);
    expect(index.watches().size).toBe(2);
  });

  it('releases a watch only when its last namespace no longer needs it', () => {
    const index = new SecretWatchIndex();
    index.set('dev', 'a', [watch('kc'), watch('extra')]);
    index.set('dev', 'b', [watch('kc')]);
    expect(index.set('dev', 'b', [])).toBe(false);
    expect(index.namespacesOf('dev')).toEqual(['a']);
    expect(index.set('dev', 'a', [watch('kc')])).toBe(true);
    expect([...index.watches().values()]).toEqual([watch('kc')]);
    expect(index.set('dev', 'a', [])).toBe(true);
    expect(index.watches().size).toBe(0);
    expect(index.namespacesOf('dev')).toEqual([]);
  });
});

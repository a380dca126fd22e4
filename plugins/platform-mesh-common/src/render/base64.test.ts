import { base64Utf8, fromBase64Utf8 } from './base64';

describe('base64Utf8', () => {
  it('encodes UTF-8 like the API server stores Secret data', () => {
    expect(base64Utf8('kind: Config\n')).toBe(
      Buffer.from('kind: Config\n').toString('base64'),
    );
    expect(base64Utf8('größe ✓')).toBe(
      Buffer.from('größe ✓').toString('base64'),
    );
    expect(fromBase64Utf8(base64Utf8('größe ✓'))).toBe('größe ✓');
  });
});

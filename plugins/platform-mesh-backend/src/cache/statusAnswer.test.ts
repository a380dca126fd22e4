import { ifNoneMatchHits, serializeAnswer } from './statusAnswer';

describe('serializeAnswer', () => {
  it('gives the same strong ETag for the same bytes and another for other bytes', () => {
    const a = serializeAnswer({ overall: 'healthy', n: 1 });
    expect(a.body).toBe('{"overall":"healthy","n":1}');
    expect(a.etag).toMatch(/^"[A-Za-z0-9_-]{43}"$/);
    expect(serializeAnswer({ overall: 'healthy', n: 1 }).etag).toBe(a.etag);
    expect(serializeAnswer({ overall: 'healthy', n: 2 }).etag).not.toBe(a.etag);
  });
});

describe('ifNoneMatchHits', () => {
  const etag = '"abc"';
  it.each([
    ['"abc"', true],
    ['W/"abc"', true],
    ['"x", "abc"', true],
    ['*', true],
    ['"abd"', false],
    ['abc', false],
    ['', false],
  ])('%j -> %s', (header, hit) => {
    expect(ifNoneMatchHits(header, etag)).toBe(hit);
  });

  it('is false without the header', () => {
    expect(ifNoneMatchHits(undefined, etag)).toBe(false);
  });
});

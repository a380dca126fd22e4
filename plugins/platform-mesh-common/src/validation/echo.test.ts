import {
  MAX_ECHOED_CHARACTERS,
  quoteForMessage,
  truncateForMessage,
} from './echo';

describe('truncateForMessage', () => {
  it('keeps short text and cuts long text to 80 characters plus an ellipsis', () => {
    expect(truncateForMessage('short')).toBe('short');
    expect(truncateForMessage('a'.repeat(80))).toBe('a'.repeat(80));
    expect(truncateForMessage('a'.repeat(1_000_000))).toBe(
      `${'a'.repeat(MAX_ECHOED_CHARACTERS)}…`,
    );
  });

  it('never splits a surrogate pair', () => {
    expect(truncateForMessage('😀'.repeat(100))).toBe(`${'😀'.repeat(40)}…`);
    expect(truncateForMessage(`a${'😀'.repeat(100)}`)).toBe(
      `a${'😀'.repeat(39)}…`,
    );
  });
});

describe('quoteForMessage', () => {
  it('quotes strings as JSON and bounds anything else', () => {
    expect(quoteForMessage('x"y')).toBe('"x\\"y"');
    expect(quoteForMessage('n'.repeat(2_000_000)).length).toBe(
      MAX_ECHOED_CHARACTERS + 3,
    );
    expect(quoteForMessage(1.5)).toBe('1.5');
    expect(quoteForMessage(Array(10_000).fill(1)).length).toBe(
      MAX_ECHOED_CHARACTERS + 1,
    );
  });
});

import { formatRelativeIn, formatTimestampIn } from './relativeTime';

const NOW = Date.parse('2025-03-01T12:00:00Z');

describe('formatRelativeIn', () => {
  it('formats in the given locale', () => {
    const fiveMinutesAgo = new Date(NOW - 5 * 60_000).toISOString();
    expect(formatRelativeIn('en', fiveMinutesAgo, 'just now', NOW)).toBe(
      '5 minutes ago',
    );
    expect(formatRelativeIn('de', fiveMinutesAgo, 'gerade eben', NOW)).toBe(
      'vor 5 Minuten',
    );
  });

  it('says the given "just now" text below ten seconds', () => {
    const at = new Date(NOW - 3000).toISOString();
    expect(formatRelativeIn('de', at, 'gerade eben', NOW)).toBe('gerade eben');
  });

  it('picks the largest unit that fits', () => {
    const at = new Date(NOW - 3 * 3600_000).toISOString();
    expect(formatRelativeIn('en', at, 'now', NOW)).toBe('3 hours ago');
  });

  it('falls back to English for a locale Intl does not know', () => {
    const at = new Date(NOW - 2 * 60_000).toISOString();
    expect(formatRelativeIn('not a locale!', at, 'now', NOW)).toBe(
      '2 minutes ago',
    );
  });

  it('is undefined for a missing or bad timestamp', () => {
    expect(formatRelativeIn('en', undefined, 'now', NOW)).toBeUndefined();
    expect(formatRelativeIn('en', 'yesterday', 'now', NOW)).toBeUndefined();
    expect(formatTimestampIn('en', 'yesterday')).toBeUndefined();
  });
});

import { formatAge, formatRelative } from './time';

const NOW = Date.parse('2026-11-25T12:00:00Z');

describe('time formatting', () => {
  it('formats kubectl-style ages', () => {
    expect(formatAge('2026-11-25T11:59:15Z', NOW)).toBe('45s');
    expect(formatAge('2026-11-25T11:48:00Z', NOW)).toBe('12m');
    expect(formatAge('2026-11-25T09:00:00Z', NOW)).toBe('3h');
    expect(formatAge('2026-11-20T12:00:00Z', NOW)).toBe('5d');
    expect(formatAge(undefined, NOW)).toBeUndefined();
    expect(formatAge('not a date', NOW)).toBeUndefined();
  });

  it('formats relative times', () => {
    expect(formatRelative('2026-11-25T11:59:58Z', NOW)).toBe('just now');
    expect(formatRelative('2026-11-25T11:55:00Z', NOW)).toBe('5 minutes ago');
    expect(formatRelative('2026-11-24T12:00:00Z', NOW)).toBe('yesterday');
    expect(formatRelative(undefined, NOW)).toBeUndefined();
  });
});

import { formatRelativeIn } from '../i18n/relativeTime';

function parse(iso: string | undefined): number | undefined {
  if (!iso) return undefined;
  const ms = Date.parse(iso);
  return Number.isNaN(ms) ? undefined : ms;
}

/**
 * `5 minutes ago`, `now`; undefined when the timestamp is missing or does not parse.
 *
 * @param iso - an ISO 8601 timestamp
 * @param now - the reference time (ms since the epoch)
 */
export function formatRelative(
  iso: string | undefined,
  now: number = Date.now(),
): string | undefined {
  return formatRelativeIn('en', iso, 'just now', now);
}

/**
 * A compact age as `kubectl` prints it: `45s`, `12m`, `3h`, `5d`; undefined when unknown.
 *
 * @param iso - an ISO 8601 timestamp
 * @param now - the reference time (ms since the epoch)
 */
export function formatAge(
  iso: string | undefined,
  now: number = Date.now(),
): string | undefined {
  const at = parse(iso);
  if (at === undefined) return undefined;
  const seconds = Math.max(0, Math.floor((now - at) / 1000));
  if (seconds < 60) return `${seconds}s`;
  const minutes = Math.floor(seconds / 60);
  if (minutes < 60) return `${minutes}m`;
  const hours = Math.floor(minutes / 60);
  if (hours < 48) return `${hours}h`;
  return `${Math.floor(hours / 24)}d`;
}

/** A full, locale-formatted timestamp for tooltips and `title` attributes. */
export function formatTimestamp(iso: string | undefined): string | undefined {
  const at = parse(iso);
  return at === undefined ? undefined : new Date(at).toLocaleString();
}

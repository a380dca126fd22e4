const UNITS: Array<[Intl.RelativeTimeFormatUnit, number]> = [
  ['year', 365 * 24 * 3600],
  ['month', 30 * 24 * 3600],
  ['week', 7 * 24 * 3600],
  ['day', 24 * 3600],
  ['hour', 3600],
  ['minute', 60],
  ['second', 1],
];

const formats = new Map<string, Intl.RelativeTimeFormat>();

/** One `Intl.RelativeTimeFormat` per locale (they are costly to create); `en` for a bad locale. */
function relativeFormat(locale: string): Intl.RelativeTimeFormat {
  let format = formats.get(locale);
  if (!format) {
    try {
      format = new Intl.RelativeTimeFormat(locale, { numeric: 'auto' });
    } catch {
      format = new Intl.RelativeTimeFormat('en', { numeric: 'auto' });
    }
    formats.set(locale, format);
  }
  return format;
}

/**
 * How long ago `iso` was, in `locale` (`vor 5 Minuten`, `5 minutes ago`); `justNow` below ten
 * seconds; undefined when the timestamp is missing or does not parse.
 *
 * @param locale - a BCP 47 language tag, e.g. the app's language
 * @param iso - an ISO 8601 timestamp
 * @param justNow - the text for "less than ten seconds ago"
 * @param now - the reference time (ms since the epoch)
 */
export function formatRelativeIn(
  locale: string,
  iso: string | undefined,
  justNow: string,
  now: number = Date.now(),
): string | undefined {
  if (!iso) return undefined;
  const at = Date.parse(iso);
  if (Number.isNaN(at)) return undefined;
  const seconds = Math.round((at - now) / 1000);
  if (Math.abs(seconds) < 10) return justNow;
  const [unit, size] =
    UNITS.find(([, s]) => Math.abs(seconds) >= s) ?? UNITS[UNITS.length - 1];
  return relativeFormat(locale).format(Math.trunc(seconds / size), unit);
}

/**
 * A full timestamp in `locale` for tooltips and `title` attributes; undefined when unknown.
 *
 * @param locale - a BCP 47 language tag
 * @param iso - an ISO 8601 timestamp
 */
export function formatTimestampIn(
  locale: string,
  iso: string | undefined,
): string | undefined {
  if (!iso) return undefined;
  const at = Date.parse(iso);
  if (Number.isNaN(at)) return undefined;
  try {
    return new Date(at).toLocaleString(locale);
  } catch {
    return new Date(at).toLocaleString('en');
  }
}

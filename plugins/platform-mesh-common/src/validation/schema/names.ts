/**
 * Zod schemas of the names the setup uses: RFC 1123 labels and subdomains, data keys, cluster and
 * target names. Each is a bounded, non-blank string refined by its rule; a value that breaks the
 * rule is quoted, cut to 80 characters (names are not credentials).
 */
import { z } from 'zod/v4';
import { quoteForMessage } from '../echo';
import { isDataKey, isDnsLabel, isDnsSubdomain } from '../rules';
import { ifNoProblemYet, text } from './shapes';

/**
 * A string that passes `isValid`; `problem` follows the quoted value in the message.
 *
 * @internal
 */
function named(
  isValid: (value: string) => boolean,
  problem: string,
): z.ZodType<string> {
  return text().refine(isValid, {
    error: issue => `${quoteForMessage(issue.input)} ${problem}`,
    ...ifNoProblemYet,
  });
}

/** An RFC 1123 label (namespaces, instance names). */
export const dnsLabel = named(
  isDnsLabel,
  "is not a valid RFC 1123 label: at most 63 lower-case letters, digits and '-', starting and ending with a letter or digit",
);

/** An RFC 1123 subdomain (Secret and ConfigMap names). */
export const dnsSubdomain = named(
  isDnsSubdomain,
  "is not a valid RFC 1123 subdomain: at most 253 lower-case letters, digits, '-' and '.', each dot-separated part starting and ending with a letter or digit",
);

/** A Secret/ConfigMap data key. */
export const dataKey = named(
  isDataKey,
  "is not a valid data key: use letters, digits, '-', '_' and '.' ([-._a-zA-Z0-9]+)",
);

/**
 * A configured cluster or target name: no whitespace, no '/' (it is part of the
 * `<target>/<namespace>/<name>` annotation value).
 */
export const refName = named(
  value => !/[\s/]/.test(value),
  "must not contain whitespace or '/'",
);

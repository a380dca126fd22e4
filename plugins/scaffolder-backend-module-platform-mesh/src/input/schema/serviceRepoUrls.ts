import {
  INPUT_LIMITS,
  isKnownService,
  quoteForMessage,
} from '@platform-mesh-backstage/plugin-platform-mesh-common/alpha';
import { z } from 'zod/v3';
import { describeType } from '../valueKinds';
import { mapping } from './fieldTypes';
import { SERVICE_NAME } from './inputOptions';

const CHART_REPOSITORY =
  /^(https?:\/\/|oci:\/\/)?[A-Za-z0-9.-]+(:\d+)?(\/[^\s]*)?$/;

/** The shape of `serviceRepoUrls`: a mapping of at most `INPUT_LIMITS.maxListItems` entries. */
export const repoUrlsShape = () =>
  mapping().superRefine((value, ctx) => {
    const count = Object.keys(value).length;
    if (count > INPUT_LIMITS.maxListItems) {
      ctx.addIssue({
        code: z.ZodIssueCode.too_big,
        type: 'array',
        maximum: INPUT_LIMITS.maxListItems,
        inclusive: true,
        message: `has ${count} entries, at most ${INPUT_LIMITS.maxListItems} are allowed`,
      });
    }
  });

/**
 * The entries of `serviceRepoUrls`: per service, the chart repository its Argo CD Application (or
 * Flux HelmRepository) pulls from, e.g. `{ cnpg-operator: ghcr.io/cloudnative-pg/charts }` for a
 * mirror. An `https://` URL or an OCI reference without scheme; never one with credentials in it
 * (the profile is a ConfigMap, readable by anyone who can read the namespace). Returns the valid
 * entries.
 */
export function repoUrlEntries(
  value: Record<string, unknown>,
  ctx: z.RefinementCtx,
): Record<string, string> {
  const result: Record<string, string> = {};
  for (const [service, url] of Object.entries(value)) {
    const problem = (message: string) =>
      ctx.addIssue({ code: z.ZodIssueCode.custom, path: [service], message });
    if (!isKnownService(service) && !SERVICE_NAME.test(service)) {
      problem(`${quoteForMessage(service)} is not a service name`);
    } else if (typeof url !== 'string' || url.trim() === '') {
      problem(`must be a chart repository URL, got ${describeType(url)}`);
    } else if (
      url.length > INPUT_LIMITS.maxStringLength ||
      /\s/.test(url) ||
      !CHART_REPOSITORY.test(url)
    ) {
      problem(
        'must be a chart repository: an https:// URL or an OCI reference such as ghcr.io/org/charts, without credentials',
      );
    } else {
      result[service] = url;
    }
  }
  return result;
}

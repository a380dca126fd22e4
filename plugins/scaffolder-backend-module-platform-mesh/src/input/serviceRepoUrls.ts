import {
  INPUT_LIMITS,
  isKnownService,
  quoteForMessage,
  truncateForMessage,
} from '@platform-mesh-backstage/plugin-platform-mesh-common/alpha';
import type { Problem } from './inputProblems';
import { describeType, readField } from './readFields';

const SERVICE_NAME = /^[a-z0-9]([-a-z0-9]*[a-z0-9])?$/;

/**
 * Reads `serviceRepoUrls`: per service, the chart repository its Argo CD Application (or Flux
 * HelmRepository) pulls from, e.g. `{ cnpg-operator: ghcr.io/cloudnative-pg/charts }` for a mirror.
 * An `https://` URL or an OCI reference without scheme; never one with credentials in it (the
 * profile is a ConfigMap, readable by anyone who can read the namespace).
 *
 * @param raw - the action input
 * @param problems - where problems are added
 */
export function readServiceRepoUrls(
  raw: Record<string, unknown>,
  problems: Problem[],
): Record<string, string> | undefined {
  const value = readField<Record<string, unknown>>(
    raw,
    'serviceRepoUrls',
    'object',
    problems,
  );
  if (!value) return undefined;
  const result: Record<string, string> = {};
  const entries = Object.entries(value);
  if (entries.length > INPUT_LIMITS.maxListItems) {
    problems.push({
      field: 'serviceRepoUrls',
      message: `has ${entries.length} entries, at most ${INPUT_LIMITS.maxListItems} are allowed`,
    });
    return undefined;
  }
  for (const [service, url] of entries) {
    const fieldName = `serviceRepoUrls.${truncateForMessage(service)}`;
    if (!isKnownService(service) && !SERVICE_NAME.test(service)) {
      problems.push({
        field: fieldName,
        message: `${quoteForMessage(service)} is not a service name`,
      });
    } else if (typeof url !== 'string' || url.trim() === '') {
      problems.push({
        field: fieldName,
        message: `must be a chart repository URL, got ${describeType(url)}`,
      });
    } else if (
      url.length > INPUT_LIMITS.maxStringLength ||
      /\s/.test(url) ||
      !/^(https?:\/\/|oci:\/\/)?[A-Za-z0-9.-]+(:\d+)?(\/[^\s]*)?$/.test(url)
    ) {
      problems.push({
        field: fieldName,
        message:
          'must be a chart repository: an https:// URL or an OCI reference such as ghcr.io/org/charts, without credentials',
      });
    } else {
      result[service] = url;
    }
  }
  return result;
}

/**
 * `serviceOverrides` with each service's `repoURL` from `serviceRepoUrls` set over it.
 *
 * @param overrides - the `serviceOverrides` input
 * @param repoUrls - the checked `serviceRepoUrls`
 */
export function mergeServiceRepoUrls(
  overrides: Record<string, any> | undefined,
  repoUrls: Record<string, string> | undefined,
): Record<string, any> {
  const result: Record<string, any> = { ...overrides };
  for (const [service, repoURL] of Object.entries(repoUrls ?? {})) {
    result[service] = { ...result[service], repoURL };
  }
  return result;
}

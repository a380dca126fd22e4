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

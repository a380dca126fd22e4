/**
 * No provider handles a cluster's `authProvider`. Its message is safe to show.
 *
 * @public
 */
export class MissingCredentialProviderError extends Error {
  constructor(authProvider: string) {
    super(
      `no credential provider for authProvider "${authProvider}" (register one through the platform-mesh.credentials extension point)`,
    );
    this.name = 'MissingCredentialProviderError';
  }
}

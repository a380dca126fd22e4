import type { PlatformMeshCredentialsExtensionPoint } from '../extensions';
import type { PlatformMeshCredentialProvider } from './types';

/**
 * Collects what modules register on `platformMeshCredentialsExtensionPoint` during
 * registration, to hand it to the plugin's clusters service in `init` (extension points are
 * registered before services are available).
 *
 * @example
 * ```ts
 * register(env) {
 *   const credentials = createCredentialsCollector();
 *   env.registerExtensionPoint(platformMeshCredentialsExtensionPoint, credentials.extensionPoint);
 *   env.registerInit({
 *     deps: { clusters: platformMeshClustersServiceRef },
 *     async init({ clusters }) {
 *       credentials.registerWith(clusters);
 *     },
 *   });
 * }
 * ```
 *
 * @public
 */
export function createCredentialsCollector(): {
  extensionPoint: PlatformMeshCredentialsExtensionPoint;
  registerWith(target: PlatformMeshCredentialsExtensionPoint): void;
} {
  const providers: Array<[string, PlatformMeshCredentialProvider]> = [];
  return {
    extensionPoint: {
      addCredentialProvider(authProvider, provider) {
        providers.push([authProvider, provider]);
      },
    },
    registerWith(target) {
      for (const [authProvider, provider] of providers) {
        target.addCredentialProvider(authProvider, provider);
      }
    },
  };
}

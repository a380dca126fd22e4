/*
 * Before the browser tests: waits until the backend is ready and the catalog has read the example
 * entities the tests open (the catalog ingests examples/entities.yaml shortly after start-up).
 */
import type { FullConfig } from '@playwright/test';

const ENTITIES = [
  'resource:default/platform-mesh-healthy',
  'resource:default/platform-mesh-failed',
  'resource:default/platform-mesh-flux-secret-missing',
  'resource:default/platform-mesh-argocd',
  'system:default/platform-mesh',
  'user:default/guest',
];
const TIMEOUT_MS = 120_000;

async function getJson(url: string, token?: string): Promise<any> {
  const response = await fetch(url, {
    headers: token ? { authorization: `Bearer ${token}` } : {},
  });
  if (!response.ok) {
    throw new Error(`${response.status} ${response.statusText} from ${url}`);
  }
  return response.json();
}

export default async function globalSetup(config: FullConfig) {
  const baseURL = config.projects[0].use.baseURL!;
  const backend = (process.env.PM_E2E_BACKEND_URL ?? baseURL).replace(
    /\/$/,
    '',
  );
  const deadline = Date.now() + TIMEOUT_MS;
  let last: unknown;
  while (Date.now() < deadline) {
    try {
      const session = await getJson(
        `${backend}/api/auth/guest/refresh?env=${
          process.env.NODE_ENV ?? 'production'
        }`,
      );
      const token: string = session.backstageIdentity.token;
      for (const ref of ENTITIES) {
        const [kind, rest] = ref.split(':');
        const [namespace, name] = rest.split('/');
        await getJson(
          `${backend}/api/catalog/entities/by-name/${kind}/${namespace}/${name}`,
          token,
        );
      }
      return;
    } catch (error) {
      last = error;
      await new Promise(resolve => setTimeout(resolve, 1000));
    }
  }
  throw new Error(
    `The example app at ${backend} did not serve the example entities within ${
      TIMEOUT_MS / 1000
    } s: ${last}`,
  );
}

#!/usr/bin/env node
// Turns the catalog opt-out of a seeded PlatformMesh off and on (scripts/consumer-lane.sh).
//
//   node catalogOptOut.mjs <clusters.json> <namespace>/<name> off|on
//
// The seeded scenarios annotate their PlatformMeshes `platform-mesh.io/catalog-entity: repository`
// (their entities come from a file, as in the example app), so the catalog module emits none. The
// lane checks the module's entity too: it removes the annotation on the runtime cluster for the
// browser tests (`off`: the module's watch sees the change and emits the entity) and puts it back
// afterwards (`on`), so the shared scenario is as seeded again. A JSON merge patch with the
// harness's admin identity for the runtime role; the token is never printed.
import { readFileSync } from 'node:fs';
import { request } from 'node:https';

export const OPT_OUT_ANNOTATION = 'platform-mesh.io/catalog-entity';

/**
 * The merge patch that removes (`off`) or restores (`on`) the opt-out annotation.
 *
 * @param {'off' | 'on'} mode
 */
export function optOutPatch(mode) {
  return {
    metadata: {
      annotations: {
        [OPT_OUT_ANNOTATION]: mode === 'on' ? 'repository' : null,
      },
    },
  };
}

function patch(cluster, path, body) {
  const url = new URL(path, cluster.url);
  if (url.hostname !== '127.0.0.1') {
    throw new Error(`refusing ${url.origin}: the lane talks to loopback only`);
  }
  return new Promise((resolve, reject) => {
    const req = request(
      url,
      {
        method: 'PATCH',
        ca: Buffer.from(cluster.caData, 'base64'),
        timeout: 10_000,
        headers: {
          authorization: `Bearer ${cluster.tokens.admin}`,
          'content-type': 'application/merge-patch+json',
          'user-agent': 'platform-mesh-consumer-lane',
        },
      },
      res => {
        let text = '';
        res.on('data', chunk => (text += chunk));
        res.on('end', () =>
          res.statusCode === 200
            ? resolve()
            : reject(
                new Error(
                  `PATCH ${url.pathname}: ${res.statusCode} ${text.slice(
                    0,
                    300,
                  )}`,
                ),
              ),
        );
      },
    );
    req.on('timeout', () => req.destroy(new Error('timed out after 10 s')));
    req.on('error', reject);
    req.end(JSON.stringify(body));
  });
}

async function main() {
  const [clustersJson, ref, mode] = process.argv.slice(2);
  const [namespace, name] = (ref ?? '').split('/');
  if (!clustersJson || !namespace || !name || !['off', 'on'].includes(mode)) {
    console.error(
      'usage: catalogOptOut.mjs <clusters.json> <namespace>/<name> off|on',
    );
    process.exit(2);
  }
  const cluster = JSON.parse(readFileSync(clustersJson, 'utf8')).clusters
    .runtime;
  await patch(
    cluster,
    `/apis/core.platform-mesh.io/v1alpha1/namespaces/${namespace}/platformmeshes/${name}`,
    optOutPatch(mode),
  );
  console.error(
    `${namespace}/${name}: catalog opt-out ${
      mode === 'on' ? 'restored' : 'removed'
    } on ${cluster.name}`,
  );
}

if (import.meta.url === `file://${process.argv[1]}`) {
  main().catch(error => {
    console.error(String(error.message ?? error));
    process.exit(1);
  });
}

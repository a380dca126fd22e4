import {
  canRead,
  instanceApplications,
  sameCluster,
  SNAPSHOT_RESOURCES,
} from '../snapshot';
import { ARGOCD_IN_CLUSTER_SERVER } from '../types/argo';
import type { Application } from '../types/argo';
import type { Diagnostic } from '../types/status';
import { boundedText, isRecord } from '../health/text';
import { findSecret } from './secretCheck';
import { agree, listNames, onCluster, plural } from './text';
import type { DiagnosticRule } from './types';

/**
 * Label that makes a Secret an Argo CD cluster registration.
 */
export const ARGOCD_SECRET_TYPE_LABEL = 'argocd.argoproj.io/secret-type';

function normalizeUrl(url: string): string {
  return url.trim().replace(/\/+$/, '').toLowerCase();
}

/** `destination.server` and `destination.name` when they are non-empty strings. */
function destinationOf(app: Application): { server?: string; name?: string } {
  const destination: unknown = app.spec?.destination;
  if (!isRecord(destination)) return {};
  return {
    server: boundedText(destination.server),
    name: boundedText(destination.name, 253),
  };
}

function deploysInCluster(app: Application): boolean {
  const { server, name } = destinationOf(app);
  if (server) return normalizeUrl(server) === ARGOCD_IN_CLUSTER_SERVER;
  return name === 'in-cluster';
}

/** A destination given by Argo CD cluster name only (no server), other than `in-cluster`. */
function namedDestination(app: Application): string | undefined {
  const { server, name } = destinationOf(app);
  return !server && name && name !== 'in-cluster' ? name : undefined;
}

/**
 * `argocd-destination`: in argocd mode with the runtime cluster separate from the infra cluster,
 * the operator's Applications must deploy to the runtime cluster: their `destination.server` is not
 * the in-cluster default and, when `runtimeServerUrls` is known, is one of them. A destination given
 * by Argo CD cluster name (`destination.name`, no server) must be the name the platform-mesh render
 * writes into the runtime cluster's Argo CD cluster Secret (the runtime cluster's configured name);
 * `in-cluster` is an error, any other name a warning saying it cannot be resolved (Backstage does
 * not read cluster Secret values). The Argo CD cluster Secret for the runtime cluster
 * (`expectedSecrets.argocdClusterSecret`) must exist with its label and `server` key. Server URLs
 * are never put into the texts.
 */
export const argocdDestinationRule: DiagnosticRule = {
  id: 'argocd-destination',
  evaluate(snapshot) {
    if (snapshot.deploymentTechnology !== 'argocd') return [];
    if (sameCluster(snapshot, 'runtime', 'infra')) return [];
    const findings: Diagnostic[] = [];
    const infra = onCluster(snapshot, 'infra');
    const runtime = onCluster(snapshot, 'runtime');
    const { namespace } = snapshot.ref;
    const fix = `Set destinationServer in both the infra and the components section of the instance's profile to the runtime cluster's API URL as the infra cluster reaches it, then touch the PlatformMesh so the operator re-renders its Applications.`;

    if (canRead(snapshot, 'infra', SNAPSHOT_RESOURCES.applications)) {
      const apps = instanceApplications(snapshot);
      const inCluster = apps.filter(deploysInCluster);
      const known = (snapshot.runtimeServerUrls ?? []).map(normalizeUrl);
      const elsewhere = known.length
        ? apps.filter(a => {
            const { server } = destinationOf(a);
            return (
              !deploysInCluster(a) &&
              !!server &&
              !known.includes(normalizeUrl(server))
            );
          })
        : [];
      // The render writes the runtime cluster's configured name into the cluster Secret's `name`.
      const runtimeName = snapshot.clusters.runtime.cluster;
      const unresolved = new Map<string, string[]>();
      for (const app of apps) {
        const name = namedDestination(app);
        if (name === undefined || name === runtimeName) continue;
        unresolved.set(name, [
          ...(unresolved.get(name) ?? []),
          app.metadata.name,
        ]);
      }
      if (inCluster.length > 0) {
        const kind = plural('Application', inCluster.length);
        findings.push({
          id: 'argocd-destination',
          severity: 'error',
          cluster: 'infra',
          summary: `${inCluster.length} ${kind} ${agree(
            inCluster.length,
            'deploys',
            'deploy',
          )} to the infra cluster instead of the runtime cluster`,
          detail: `${kind} ${listNames(
            inCluster.map(a => a.metadata.name),
          )} in namespace ${namespace} on ${infra} ${agree(
            inCluster.length,
            'uses',
            'use',
          )} the in-cluster destination (${ARGOCD_IN_CLUSTER_SERVER}), so Argo CD deploys ${agree(
            inCluster.length,
            'it',
            'them',
          )} into the infra cluster and not into ${runtime}.`,
          hint: fix,
        });
      }
      if (elsewhere.length > 0) {
        const kind = plural('Application', elsewhere.length);
        findings.push({
          id: 'argocd-destination',
          severity: 'error',
          cluster: 'infra',
          summary: `${elsewhere.length} ${kind} ${agree(
            elsewhere.length,
            'deploys',
            'deploy',
          )} to a cluster that is not the runtime cluster`,
          detail: `${kind} ${listNames(
            elsewhere.map(a => a.metadata.name),
          )} in namespace ${namespace} on ${infra} ${agree(
            elsewhere.length,
            'has',
            'have',
          )} a destination.server that is none of the API URLs configured for ${runtime}.`,
          hint: `${fix} If the URL is right, add it to the runtime cluster's known server URLs in the Backstage configuration.`,
        });
      }

      for (const [name, users] of unresolved) {
        const kind = plural('Application', users.length);
        const secretName =
          snapshot.expectedSecrets.argocdClusterSecret?.name ??
          'the Argo CD cluster Secret';
        findings.push({
          id: 'argocd-destination',
          severity: 'warning',
          cluster: 'infra',
          summary: `${users.length} ${kind} ${agree(
            users.length,
            'deploys',
            'deploy',
          )} to the Argo CD cluster "${name}", which cannot be resolved to the runtime cluster`,
          detail: `${kind} ${listNames(
            users,
          )} in namespace ${namespace} on ${infra} ${agree(
            users.length,
            'names',
            'name',
          )} the destination by cluster name (destination.name "${name}") instead of destination.server. The cluster Secret ${secretName} that the platform-mesh render writes registers ${runtime} under the name "${runtimeName}", and Backstage does not read cluster Secret values, so it cannot tell whether "${name}" is the runtime cluster.`,
          hint: `${fix} Alternatively register the runtime cluster in Argo CD under the name "${runtimeName}" (the name key of its cluster Secret).`,
        });
      }
    }

    const expected = snapshot.expectedSecrets.argocdClusterSecret;
    if (expected && canRead(snapshot, 'infra', SNAPSHOT_RESOURCES.secrets)) {
      const secret = findSecret(
        snapshot.infra.secrets,
        expected.name,
        expected.namespace,
      );
      const where = `in namespace ${expected.namespace} on ${infra}`;
      const create = `Create it ${where} with the label ${ARGOCD_SECRET_TYPE_LABEL}=cluster and the keys name, server (the runtime cluster's API URL as the infra cluster reaches it) and config (the credentials); the platform-mesh:apply action renders it.`;
      if (!secret) {
        findings.push({
          id: 'argocd-destination',
          severity: 'error',
          cluster: 'infra',
          summary: `Argo CD cluster Secret ${expected.name} is missing`,
          detail: `Secret ${expected.name} ${where} does not exist, so Argo CD has no credentials for ${runtime} and cannot sync the Applications to it.`,
          hint: create,
        });
      } else if (
        secret.labels?.[ARGOCD_SECRET_TYPE_LABEL] !== 'cluster' ||
        !secret.keys.includes('server')
      ) {
        findings.push({
          id: 'argocd-destination',
          severity: 'error',
          cluster: 'infra',
          summary: `Argo CD cluster Secret ${expected.name} is not a cluster registration`,
          detail: `Secret ${expected.name} ${where} ${
            secret.labels?.[ARGOCD_SECRET_TYPE_LABEL] !== 'cluster'
              ? `lacks the label ${ARGOCD_SECRET_TYPE_LABEL}=cluster`
              : 'has no key server'
          }, so Argo CD does not register ${runtime} from it.`,
          hint: create,
        });
      }
    }
    return findings;
  },
};

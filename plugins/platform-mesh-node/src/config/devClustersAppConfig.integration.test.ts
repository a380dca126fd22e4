/*
 * The app-config fragment `yarn clusters start` writes for the example app must pass the same
 * start-up validation as any user's config (it once lacked runtimeServerUrl for the argocd target,
 * which stopped the example backend).
 */
import fs from 'node:fs';
import { ConfigReader } from '@backstage/config';
import { appConfigFile } from '@internal/dev-clusters/lib/testing';
import { parse } from 'yaml';
import { readPlatformMeshConfig } from './readPlatformMeshConfig';

describe('the dev clusters app-config', () => {
  it('validates, with the four targets of the example app', () => {
    const config = readPlatformMeshConfig(
      new ConfigReader(parse(fs.readFileSync(appConfigFile(), 'utf8'))),
    );
    expect(
      config.targets.map(t => [
        t.name,
        t.deploymentTechnology,
        t.operatorIsInfra,
      ]),
    ).toEqual([
      ['dev', 'fluxcd', false],
      ['colocated', 'fluxcd', true],
      ['argo', 'argocd', false],
      ['live', 'fluxcd', false], // the real operator and Flux run here
    ]);
    expect(config.clusters.map(c => c.name)).toEqual([
      'pm-operator',
      'pm-runtime',
      'pm-infra',
      'pm-live-operator',
      'pm-live-runtime',
      'pm-live-infra',
      // the Reconcile route's write identities (same URLs, the `reconciler` token)
      'pm-runtime-reconciler',
      'pm-infra-reconciler',
      'pm-live-runtime-reconciler',
      'pm-live-infra-reconciler',
    ]);
  });
});

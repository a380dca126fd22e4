/*
 * The Update template (examples/templates/platform-mesh-update/template.yaml) against the local API
 * servers: an instance created with the platform-mesh-remote template is read back by
 * platform-mesh:describe, a dry run shows the profile change line by line, and a real run applies
 * a new port over the current settings while keeping everything else (the profile, the owner).
 */
import { secretMaterial } from '@internal/dev-clusters/lib/testing';
import { adminClients } from './__testUtils__/devClusters';
import {
  dryRunTemplate,
  readExampleTemplate,
  runTemplateTask,
  startTemplateBackend,
} from './__testUtils__/templateBackend';

const REMOTE = readExampleTemplate('platform-mesh-remote');
const UPDATE = readExampleTemplate('platform-mesh-update');
const NS = 'pm-it-scaffolder-update';

jest.setTimeout(120_000);

describe('the platform-mesh-update template', () => {
  let server: any;
  const admin = adminClients();

  const runTask = (templateName: string, values: object) =>
    runTemplateTask(server, `template:default/${templateName}`, values);
  const readProfile = async () =>
    (
      (await admin.runtime.get({
        apiVersion: 'v1',
        kind: 'ConfigMap',
        namespace: NS,
        name: 'platform-mesh-profile',
      })) as any
    ).data['profile.yaml'] as string;
  const readPlatformMesh = async () =>
    (await admin.runtime.get({
      group: 'core.platform-mesh.io',
      kind: 'PlatformMesh',
      namespace: NS,
      name: 'platform-mesh',
    })) as any;

  beforeAll(async () => {
    ({ server } = await startTemplateBackend({
      templates: [REMOTE, UPDATE],
      platformMesh: {
        targets: [
          {
            name: 'it-update',
            operatorCluster: 'pm-operator',
            runtimeCluster: 'pm-runtime',
            infraCluster: 'pm-infra',
            deploymentTechnology: 'fluxcd',
            namespace: NS,
          },
        ],
      },
    }));
    const created = await runTask('platform-mesh-remote', {
      target: 'it-update',
      name: 'platform-mesh',
      baseDomain: 'portal.localhost',
      port: 8443,
      services: REMOTE.spec.parameters[0].properties.services.default,
      owner: 'group:default/platform-team',
    });
    if (created.status !== 'completed') {
      throw new Error(`creating the instance failed:\n${created.log}`);
    }
  });

  it('dry-runs a profile change and shows it line by line', async () => {
    const current = await readProfile();
    const changed = current.replace(
      /(\n {4}portal:\n(?: {6}.*\n)*? {6}enabled: )true/,
      '$1false',
    );
    expect(changed).not.toBe(current);
    const res = await dryRunTemplate(server, UPDATE, {
      target: 'it-update',
      name: 'platform-mesh',
      profile: changed,
    });
    expect(res.status).toBe(200);
    const log: string = res.body.log.map((l: any) => l.body.message).join('\n');
    expect(log).toContain(
      'Read PlatformMesh pm-it-scaffolder-update/platform-mesh',
    );
    const diff = log.slice(log.indexOf('~ data["profile.yaml"]:'));
    expect(diff).toMatch(
      /^~ data\["profile\.yaml"\]:\n {4}@@ -\d+,7 \+\d+,7 @@\n/,
    );
    expect(diff).toContain(
      '\n    -      enabled: true\n    +      enabled: false\n',
    );
    // a line diff, not the whole new profile: the unchanged start of the profile is not in it
    expect(diff.split('\n').length).toBeLessThan(20);
    for (const secret of secretMaterial()) expect(log).not.toContain(secret);
    expect(await readProfile()).toBe(current);
  });

  it('applies a new port over the current settings, keeping the profile and the owner', async () => {
    const before = await readPlatformMesh();
    const profile = await readProfile();
    const updated = await runTask('platform-mesh-update', {
      target: 'it-update',
      name: 'platform-mesh',
      port: 9443,
    });
    expect(updated.status === 'completed' ? 'completed' : updated.log).toBe(
      'completed',
    );
    const after = await readPlatformMesh();
    expect(after.spec.exposure).toEqual({
      ...before.spec.exposure,
      port: 9443,
    });
    expect(after.metadata.annotations).toMatchObject({
      'platform-mesh.io/owner': 'group:default/platform-team',
      'platform-mesh.io/profile-sha256':
        before.metadata.annotations['platform-mesh.io/profile-sha256'],
    });
    expect(await readProfile()).toBe(profile);
  });

  it('fails with a sentence when the instance does not exist', async () => {
    const missing = await runTask('platform-mesh-update', {
      target: 'it-update',
      name: 'no-such-instance',
    });
    expect(missing.status).toBe('failed');
    expect(missing.log).toContain(
      `No PlatformMesh ${NS}/no-such-instance on cluster "pm-runtime" (runtime of target it-update): nothing to update`,
    );
  });
});

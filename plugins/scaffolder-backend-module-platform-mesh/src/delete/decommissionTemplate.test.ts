import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { PLATFORM_MESH_INSTANCE_ANNOTATION } from '@platform-mesh-backstage/plugin-platform-mesh-common';
import { PLATFORM_MESH_INSTANCE_ENTITY_TYPE } from '@platform-mesh-backstage/plugin-platform-mesh-common/alpha';
import { parse } from 'yaml';
import { createService, permissions } from '../__testUtils__/fakeClusters';
import { createPlatformMeshDeleteAction } from '../actions/delete';
import { recordingAuditor } from './__testUtils__/decommissionFakes';

const template = parse(
  readFileSync(
    join(
      __dirname,
      '..',
      '..',
      '..',
      '..',
      'examples',
      'templates',
      'platform-mesh-decommission',
      'template.yaml',
    ),
    'utf8',
  ),
);
const appConfig = readFileSync(
  join(__dirname, '..', '..', '..', '..', 'app-config.yaml'),
  'utf8',
);

describe('the "Decommission a Platform Mesh instance" template', () => {
  const properties = template.spec.parameters[0].properties;
  const step = template.spec.steps.find(
    (s: any) => s.action === 'platform-mesh:delete',
  );

  it('picks only the instance entities the catalog provider emits', () => {
    expect(template.metadata.title).toBe(
      'Decommission a Platform Mesh instance',
    );
    expect(properties.instance['ui:field']).toBe('EntityPicker');
    expect(properties.instance['ui:options'].catalogFilter).toEqual([
      { kind: 'Resource', 'spec.type': PLATFORM_MESH_INSTANCE_ENTITY_TYPE },
    ]);
    expect(template.spec.parameters[0].required).toEqual([
      'instance',
      'confirm',
    ]);
  });

  it("passes the entity's instance annotation and the typed confirmation to platform-mesh:delete", () => {
    const fetch = template.spec.steps[0];
    expect(fetch).toMatchObject({
      action: 'catalog:fetch',
      input: { entityRef: '${{ parameters.instance }}' },
    });
    expect(step.input.instanceRef).toBe(
      `\${{ steps.${fetch.id}.output.entity.metadata.annotations['${PLATFORM_MESH_INSTANCE_ANNOTATION}'] }}`,
    );
    expect(step.input.confirm).toBe('${{ parameters.confirm }}');
  });

  it('gives the action only inputs its schema knows', () => {
    const action = createPlatformMeshDeleteAction({
      clusters: createService(),
      permissions: permissions('ALLOW'),
      auditor: recordingAuditor().auditor,
    });
    const known = Object.keys((action.schema?.input as any)?.properties ?? {});
    expect(known.length).toBeGreaterThan(0);
    for (const key of Object.keys(step.input)) expect(known).toContain(key);
  });

  it('is registered in the catalog locations of app-config.yaml', () => {
    expect(appConfig).toContain(
      '../../examples/templates/platform-mesh-decommission/template.yaml',
    );
  });
});

/*
 * The example templates as the catalog takes them: the catalog's own entity policies (schema,
 * field formats, no foreign root fields, the default namespace). A template the catalog refuses
 * never reaches Create (a relative URL in metadata.links did exactly that).
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import {
  DefaultNamespaceEntityPolicy,
  EntityPolicies,
  FieldFormatEntityPolicy,
  NoForeignRootFieldsEntityPolicy,
  SchemaValidEntityPolicy,
  type Entity,
} from '@backstage/catalog-model';
import { parse } from 'yaml';

const TEMPLATES = join(__dirname, '../../../examples/templates');
const policy = EntityPolicies.allOf([
  new DefaultNamespaceEntityPolicy(),
  new NoForeignRootFieldsEntityPolicy(),
  new FieldFormatEntityPolicy(),
  new SchemaValidEntityPolicy(),
]);

describe('the example templates', () => {
  const names = readdirSync(TEMPLATES);

  it('are all found', () => {
    expect(names.sort()).toEqual([
      'platform-mesh-decommission',
      'platform-mesh-gitops',
      'platform-mesh-remote',
      'platform-mesh-update',
    ]);
  });

  it.each(names)('%s passes the catalog entity policies', async name => {
    const entity = parse(
      readFileSync(join(TEMPLATES, name, 'template.yaml'), 'utf8'),
    ) as Entity;
    await expect(policy.enforce(entity)).resolves.toBeDefined();
  });
});

import { InputError } from '@backstage/errors';
import { assertTargetNamespace } from './targetNamespace';

describe('assertTargetNamespace', () => {
  const target = { name: 'prod', namespaces: ['platform-mesh', 'team-a-*'] };

  it.each(['platform-mesh', 'team-a-dev', 'team-a-'])(
    'accepts %s',
    namespace => {
      expect(() => assertTargetNamespace(target, namespace)).not.toThrow();
    },
  );

  it('refuses a namespace outside the list, naming it and the allowed list', () => {
    let error: unknown;
    try {
      assertTargetNamespace(target, 'team-b');
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(InputError);
    expect((error as Error).message).toBe(
      'namespace: "team-b" is not allowed for target "prod"; allowed namespaces: "platform-mesh", "team-a-*" (platformMesh.targets[].namespaces)',
    );
  });

  it('refuses everything with an empty list', () => {
    expect(() =>
      assertTargetNamespace({ name: 'prod', namespaces: [] }, 'default'),
    ).toThrow('allowed namespaces: none');
  });
});

import {
  mockCredentials,
  mockServices,
  startTestBackend,
} from '@backstage/backend-test-utils';
import permissionBackend from '@backstage/plugin-permission-backend';
import request from 'supertest';
import { AuthorizeResult } from '@backstage/plugin-permission-common';
import {
  platformMeshApplyPermission,
  platformMeshDeletePermission,
  platformMeshLogsReadPermission,
  platformMeshReconcilePermission,
  platformMeshStatusReadPermission,
} from '@platform-mesh-backstage/plugin-platform-mesh-common';
import {
  PLATFORM_TEAM,
  PlatformMeshPolicy,
  platformMeshPolicyModule,
} from './platformMeshPolicy';

const OWNER = 'user:default/alice';
const TEAM_MEMBER = 'user:default/bob';

const userInfo = {
  async getUserInfo(credentials: any) {
    const userEntityRef = credentials.principal.userEntityRef as string;
    return {
      userEntityRef,
      ownershipEntityRefs:
        userEntityRef === TEAM_MEMBER
          ? [userEntityRef, PLATFORM_TEAM]
          : [userEntityRef, 'group:default/team-a'],
    };
  },
};

const policy = new PlatformMeshPolicy(userInfo);
const as = (userEntityRef: string) => ({
  credentials: mockCredentials.user(userEntityRef),
  info: { userEntityRef, ownershipEntityRefs: [] },
});

describe('the example Platform Mesh permission policy', () => {
  it.each([platformMeshStatusReadPermission, platformMeshReconcilePermission])(
    '%s: the owners of the instance entity (a conditional decision on isEntityOwner)',
    async permission => {
      const decision = await policy.handle({ permission }, as(OWNER));
      expect(decision).toEqual({
        result: AuthorizeResult.CONDITIONAL,
        pluginId: 'catalog',
        resourceType: 'catalog-entity',
        conditions: {
          rule: 'IS_ENTITY_OWNER',
          resourceType: 'catalog-entity',
          params: { claims: [OWNER, 'group:default/team-a'] },
        },
      });
    },
  );

  it.each([
    platformMeshLogsReadPermission,
    platformMeshApplyPermission,
    platformMeshDeletePermission,
    platformMeshStatusReadPermission,
    platformMeshReconcilePermission,
  ])('%s: allowed for the platform team', async permission => {
    expect(await policy.handle({ permission }, as(TEAM_MEMBER))).toEqual({
      result: AuthorizeResult.ALLOW,
    });
  });

  it.each([
    platformMeshLogsReadPermission,
    platformMeshApplyPermission,
    platformMeshDeletePermission,
  ])('%s: denied for an instance owner outside the team', async permission => {
    expect(await policy.handle({ permission }, as(OWNER))).toEqual({
      result: AuthorizeResult.DENY,
    });
  });

  it('a request without a user gets no ownership', async () => {
    expect(
      await policy.handle({ permission: platformMeshApplyPermission }),
    ).toEqual({ result: AuthorizeResult.DENY });
  });

  it('as a module of the permission backend, it answers /api/permission/authorize', async () => {
    const { server } = await startTestBackend({
      features: [
        permissionBackend,
        platformMeshPolicyModule,
        mockServices.rootConfig.factory({
          data: { permission: { enabled: true } },
        }),
      ],
    });
    const authorize = (user: string) =>
      request(server)
        .post('/api/permission/authorize')
        .set('authorization', mockCredentials.user.header(user))
        .send({
          items: [{ id: '1', permission: platformMeshApplyPermission }],
        });
    const denied = await authorize(OWNER);
    expect(denied.status).toBe(200);
    expect(denied.body.items).toEqual([
      { id: '1', result: AuthorizeResult.DENY },
    ]);
  });
});

describe("the backend plugin README's example policy", () => {
  it('is this file, from its imports on', () => {
    const { readFileSync } = require('node:fs');
    const { join } = require('node:path');
    const source: string = readFileSync(
      join(__dirname, 'platformMeshPolicy.ts'),
      'utf8',
    );
    const readme: string = readFileSync(
      join(__dirname, '../../../../plugins/platform-mesh-backend/README.md'),
      'utf8',
    );
    const marker =
      '// packages/backend/src/permissionPolicy/platformMeshPolicy.ts\n';
    const start = readme.indexOf(marker);
    expect(start).toBeGreaterThan(-1);
    const block = readme.slice(
      start + marker.length,
      readme.indexOf('```', start),
    );
    expect(block).toBe(source.slice(source.indexOf('import {')));
  });
});

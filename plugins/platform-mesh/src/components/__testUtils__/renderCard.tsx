import type { Entity } from '@backstage/catalog-model';
import { EntityProvider } from '@backstage/plugin-catalog-react';
import { renderInTestApp, TestApiProvider } from '@backstage/test-utils';
import { HttpResponse } from 'msw';
import { platformMeshApiRef, PlatformMeshClient } from '../../api';
import {
  PlatformMeshCard,
  type PlatformMeshCardProps,
} from '../PlatformMeshCard';
import { annotatedEntity } from '../__fixtures__';

export const BASE_URL = 'http://localhost:7007/api/platform-mesh';
const INSTANCE_URL = `${BASE_URL}/instances/dev/platform-mesh-system/platform-mesh-sample`;
export const STATUS_URL = `${INSTANCE_URL}/status`;
export const LOGS_URL = `${INSTANCE_URL}/operator-logs`;

/** The real client, over the test window's fetch (intercepted by msw). */
export function createClient(): PlatformMeshClient {
  return new PlatformMeshClient({
    discoveryApi: { getBaseUrl: async () => BASE_URL },
    fetchApi: { fetch: (input, init) => window.fetch(input, init) },
  });
}

/** A JSON answer in the Backstage error middleware's shape when `status` is not 2xx. */
export function json(body: unknown, status = 200) {
  return HttpResponse.json(body as object, { status });
}

/** Renders the card for `entity` in a test app, wired to the real client. */
export function renderCard(
  props: PlatformMeshCardProps = {},
  entity: Entity = annotatedEntity,
) {
  return renderInTestApp(
    <TestApiProvider apis={[[platformMeshApiRef, createClient()]]}>
      <EntityProvider entity={entity}>
        <PlatformMeshCard refreshIntervalMs={0} {...props} />
      </EntityProvider>
    </TestApiProvider>,
  );
}

import {
  ApiBlueprint,
  discoveryApiRef,
  fetchApiRef,
} from '@backstage/frontend-plugin-api';
import { platformMeshApiRef, PlatformMeshClient } from '../api';

/** The Platform Mesh API client as a frontend-system extension. */
export const platformMeshApi = ApiBlueprint.make({
  params: defineParams =>
    defineParams({
      api: platformMeshApiRef,
      deps: { discoveryApi: discoveryApiRef, fetchApi: fetchApiRef },
      factory: ({ discoveryApi, fetchApi }) =>
        new PlatformMeshClient({ discoveryApi, fetchApi }),
    }),
});

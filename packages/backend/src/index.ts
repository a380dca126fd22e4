/*
 * The example Backstage backend for Platform Mesh for Backstage: catalog, scaffolder,
 * permissions and the Platform Mesh plugins, on the embedded SQLite default.
 */
import { createBackend } from '@backstage/backend-defaults';

const backend = createBackend();

backend.add(import('@backstage/plugin-app-backend'));
backend.add(import('@backstage/plugin-proxy-backend'));

// auth: guest sign-in for the local example
backend.add(import('@backstage/plugin-auth-backend'));
backend.add(import('@backstage/plugin-auth-backend-module-guest-provider'));

// catalog
backend.add(import('@backstage/plugin-catalog-backend'));
backend.add(
  import('@backstage/plugin-catalog-backend-module-scaffolder-entity-model'),
);
backend.add(import('@backstage/plugin-catalog-backend-module-logs'));
// Platform Mesh instances (and their clusters) as catalog entities
backend.add(
  import(
    '@platform-mesh-backstage/plugin-catalog-backend-module-platform-mesh'
  ),
);

// scaffolder, with the platform-mesh:* actions
backend.add(import('@backstage/plugin-scaffolder-backend'));
// publish:github:pull-request, used by the GitOps example template
backend.add(import('@backstage/plugin-scaffolder-backend-module-github'));
backend.add(
  import(
    '@platform-mesh-backstage/plugin-scaffolder-backend-module-platform-mesh'
  ),
);

// permissions (allow-all for the local example; see the plugin READMEs for policies)
backend.add(import('@backstage/plugin-permission-backend'));
backend.add(
  import('@backstage/plugin-permission-backend-module-allow-all-policy'),
);

// Backstage's own Kubernetes backend, kept for side-by-side benchmarks
backend.add(import('@backstage/plugin-kubernetes-backend'));

// Platform Mesh status backend
backend.add(import('@platform-mesh-backstage/plugin-platform-mesh-backend'));

// actions registry / MCP surface
backend.add(import('@backstage/plugin-mcp-actions-backend'));

backend.start();

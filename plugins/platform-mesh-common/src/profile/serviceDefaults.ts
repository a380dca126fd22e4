import type { DeploymentTechnology } from '../types/status';
import type { ServiceConfig, ServiceImageResource } from '../types/profile';
import {
  DEFAULT_ENABLED_SERVICES,
  KNOWN_SERVICES,
  type KnownServiceName,
} from './knownServices';

/**
 * What the service defaults depend on.
 */
interface ServiceDefaultsContext {
  deploymentTechnology: DeploymentTechnology;
  /** The PlatformMesh namespace (the operator's release namespace for HelmReleases/Applications). */
  namespace: string;
}

/**
 * The chart repository of `cnpg-operator` in argocd mode (the upstream argocd profile's).
 */
export const CNPG_CHART_REPOSITORY = 'ghcr.io/cloudnative-pg/charts';

/** The kcp front proxy lives in the operator's `--kcp-namespace` (default `platform-mesh-system`). */
const KCP_NAMESPACE = 'platform-mesh-system';

function image(forService: string): ServiceImageResource {
  return { annotations: { repo: 'oci', artifact: 'image', for: forService } };
}

function namedImage(
  name: string,
  forService: string,
  extra: Partial<ServiceImageResource> & { path?: string } = {},
  combined = false,
): ServiceImageResource {
  const { path, ...rest } = extra;
  const annotations: Record<string, string> = {
    repo: 'oci',
    artifact: 'image',
    for: forService,
  };
  if (path) annotations.path = path;
  if (combined) annotations['image-ref'] = 'combined';
  return { name, ...rest, annotations };
}

function infraService(ctx: ServiceDefaultsContext): ServiceConfig {
  const ns = ctx.namespace;
  const config: ServiceConfig = {
    imageResources: [
      namedImage('keycloak-image', 'infra', {
        resource: 'keycloak-image',
        resourceName: 'keycloak-image',
        path: 'keycloak.operator.image.tag',
      }),
      namedImage('busybox-image', 'infra', {
        resource: 'busybox-image',
        resourceName: 'busybox-image',
        path: 'keycloak.operator.waitForDb.image.tag',
      }),
      namedImage('postgres-image', 'infra', {
        resource: 'postgres-image',
        resourceName: 'postgres-image',
        path: 'cnpg.cluster.image.tag',
      }),
      namedImage('dex-image', 'infra', {
        resource: 'dex-image',
        resourceName: 'dex-image',
        path: 'dex.image.tag',
      }),
      namedImage(
        'kcp-server-image',
        'infra',
        {
          resource: 'image',
          absoluteReferencePath: [{ name: 'kcp' }],
          path: 'kcp.image.tag',
        },
        true,
      ),
      namedImage(
        'etcd-wrapper-image',
        'infra',
        { resource: 'etcd-wrapper-image', path: 'kcp.etcd.image.tag' },
        true,
      ),
      namedImage(
        'etcdbrctl-image',
        'infra',
        { resource: 'etcdbrctl-image', path: 'kcp.etcd.backup.image.tag' },
        true,
      ),
    ],
    syncWave: 4,
    values: {
      cnpg: { enabled: true },
      cors: { enabled: true },
      gatewayApi: { enabled: true },
      istio: { enabled: false },
      kcp: {
        external: { hostname: 'kcp.api.{{ .baseDomain }}' },
        auth: { serviceAccount: { enabled: true } },
        rootShard: {
          extraArgs: [
            '--feature-gates=WorkspaceAuthentication=true,CacheAPIs=true',
          ],
        },
        webhook: { enabled: true },
      },
      keycloak: {
        operator: {
          hostname: 'https://{{ .baseDomainPort }}/keycloak/',
          enabled: true,
          caSecret: 'domain-certificate-ca',
        },
        service: { name: 'keycloak-service', port: 8080 },
        keycloakConfig: {
          url: `http://keycloak-service.${ns}.svc.cluster.local:8080/keycloak`,
        },
      },
      dex: {
        enabled: true,
        issuer: 'https://{{ .baseDomainPort }}/dex',
        staticClient: {
          redirectURIs: [
            'https://{{ .baseDomainPort }}/keycloak/realms/default/broker/dex/endpoint',
          ],
        },
      },
    },
  };
  if (ctx.deploymentTechnology === 'fluxcd') {
    config.dependsOn = [
      { name: 'kcp-operator', namespace: ns },
      { name: 'keycloak-operator', namespace: ns },
      { name: 'cnpg-operator', namespace: ns },
    ];
  } else {
    config.ignoreDifferences = [
      {
        group: 'operator.kcp.io',
        kind: 'FrontProxy',
        name: 'frontproxy',
        jsonPointers: [
          '/status',
          '/metadata/finalizers',
          '/spec/serviceTemplate/spec/ports',
        ],
      },
      {
        group: 'operator.kcp.io',
        kind: 'RootShard',
        jsonPointers: ['/status', '/metadata/finalizers'],
      },
      {
        group: 'operator.kcp.io',
        kind: 'Shard',
        jsonPointers: [
          '/spec/external',
          '/spec/proxy',
          '/status',
          '/metadata/finalizers',
        ],
      },
      {
        group: 'operator.kcp.io',
        kind: 'Kubeconfig',
        jsonPointers: ['/status', '/metadata/finalizers'],
      },
      {
        group: 'druid.gardener.cloud',
        kind: 'Etcd',
        jsonPointers: [
          '/status',
          '/metadata/finalizers',
          '/spec/backup',
          '/spec/replicas',
          '/spec/annotations',
          '/spec/labels',
        ],
      },
      {
        group: 'k8s.keycloak.org',
        kind: 'Keycloak',
        jsonPointers: ['/status', '/spec/hostname/adminUrl'],
      },
      {
        group: 'postgresql.cnpg.io',
        kind: 'Cluster',
        jsonPointers: [
          '/status',
          '/spec/bootstrap',
          '/spec/primaryUpdateStrategy',
        ],
      },
      {
        group: 'postgresql.cnpg.io',
        kind: 'Database',
        jsonPointers: ['/status'],
      },
      {
        group: 'cert-manager.io',
        kind: 'Certificate',
        jsonPointers: ['/status'],
      },
      {
        group: 'gateway.networking.k8s.io',
        kind: 'Gateway',
        jsonPointers: ['/status', '/spec/addresses'],
      },
    ];
    config.syncOptions = [
      'CreateNamespace=true',
      'RespectIgnoreDifferences=true',
      'SkipDryRunOnMissingResource=true',
    ];
  }
  return config;
}

function kcpOperatorService(ctx: ServiceDefaultsContext): ServiceConfig {
  const config: ServiceConfig = {
    syncWave: 1,
    external: true,
    helmRepo: true,
    imageResources: [
      namedImage('kcp-operator-image', 'kcp-operator', {}, true),
    ],
    targetNamespace: 'kcp-operator',
  };
  if (ctx.deploymentTechnology === 'argocd') {
    config.imageResource = {
      enabled: true,
      labels: { component: 'infra', infra: 'true' },
      name: 'kcp-image',
    };
  }
  return config;
}

function keycloakOperatorService(ctx: ServiceDefaultsContext): ServiceConfig {
  const config: ServiceConfig = {
    external: true,
    imageResources: [
      namedImage('keycloak-operator-keycloak-image', 'keycloak-operator', {
        resource: 'keycloak-image',
        resourceName: 'keycloak-image',
        absoluteReferencePath: [
          { name: 'keycloak-operator' },
          { name: 'image' },
        ],
        path: 'keycloakImage.tag',
      }),
      namedImage('keycloak-operator-image', 'keycloak-operator', {
        resource: 'manager-image',
        resourceName: 'manager-image',
        absoluteReferencePath: [
          { name: 'keycloak-operator' },
          { name: 'image' },
        ],
        path: 'image.tag',
      }),
    ],
    absoluteReferencePath: [{ name: 'keycloak-operator' }, { name: 'chart' }],
    values: { watchNamespaces: ctx.namespace },
  };
  if (ctx.deploymentTechnology === 'argocd') {
    config.ignoreDifferences = [
      {
        group: 'apps',
        kind: 'Deployment',
        name: 'keycloak-operator',
        jsonPointers: ['/spec/image'],
      },
    ];
  }
  return config;
}

function cnpgOperatorService(ctx: ServiceDefaultsContext): ServiceConfig {
  const config: ServiceConfig = {
    external: true,
    targetNamespace: ctx.namespace,
    absoluteReferencePath: [{ name: 'cnpg-operator' }],
    imageResources: [
      namedImage('cnpg-operator-image', 'cnpg-operator', {}, true),
    ],
  };
  if (ctx.deploymentTechnology === 'argocd') {
    // The Argo CD Application template hard-codes `chart: <service>`; the upstream chart is named
    // `cloudnative-pg`, so it is pulled from its Helm repository, in an early sync wave so its CRDs
    // exist before `infra` syncs. The repository is the upstream argocd profile's: helm-charts
    // `local-setup/kustomize/overlays/platform-mesh-resource-argocd/default-profile.yaml`
    // (commit 303bf97) sets `repoURL: ghcr.io/cloudnative-pg/charts`, `chart: cloudnative-pg`,
    // `version: "0.28.0"`; the OCM component (`.ocm/component-constructor-aggregate.yaml`) points
    // at the same chart. Override it per service (`serviceOverrides` / `serviceRepoUrls`) for a
    // mirror. No other service needs a default: the infra components' Applications carry their
    // upstream repositories in the operator's templates (gotemplates/infra/infra/*), and the other
    // services' Applications get theirs from their OCM Resource (ResourceSubroutine patches
    // `repoURL`/`targetRevision`).
    config.helmRepo = true;
    config.repoURL = CNPG_CHART_REPOSITORY;
    config.chart = 'cloudnative-pg';
    config.version = '0.28.0';
    config.syncWave = -1;
    config.syncOptions = [
      'CreateNamespace=true',
      'RespectIgnoreDifferences=true',
      'ServerSideApply=true',
    ];
  }
  return config;
}

function initAgentService(): ServiceConfig {
  return {
    helmRepo: true,
    absoluteReferencePath: [{ name: 'init-agent' }],
    imageResources: [
      {
        annotations: {
          repo: 'oci',
          artifact: 'image',
          for: 'init-agent',
          'image-ref': 'combined',
        },
        absoluteReferencePath: [{ name: 'init-agent' }],
      },
    ],
    syncWave: 4,
    values: {
      configWorkspace: 'root:platform-mesh-system',
      kcpKubeconfig: 'init-agent-kubeconfig',
      replicas: 1,
      leaderElection: { enabled: false },
    },
  };
}

function observabilityService(): ServiceConfig {
  return {
    syncWave: 4,
    targetNamespace: 'observability',
    imageResources: [
      namedImage('otel-collector-image', 'observability', {
        resource: 'otel-collector-image',
        resourceName: 'otel-collector-image',
        path: 'otelCollector.image.tag',
      }),
      namedImage('kubectl-image', 'observability', {
        resource: 'kubectl-image',
        resourceName: 'kubectl-image',
        path: 'serviceMonitors.kcp.certExtractor.image.tag',
      }),
      namedImage(
        'prometheus-server-image',
        'observability',
        {
          resource: 'prometheus-server-image',
          path: 'prometheus.server.image.tag',
        },
        true,
      ),
      namedImage(
        'prometheus-config-reloader-image',
        'observability',
        {
          resource: 'prometheus-config-reloader-image',
          path: 'prometheus.configmapReload.prometheus.image.tag',
        },
        true,
      ),
    ],
    values: {
      'opentelemetry-collector': {
        ports: { metrics: { enabled: true } },
        service: { type: 'ClusterIP' },
      },
    },
  };
}

function openfgaService(): ServiceConfig {
  return {
    imageResources: [
      namedImage('openfga-image', 'openfga', {}, true),
      {
        name: 'openfga-postgresql-image',
        resource: 'postgresql-image',
        annotations: {
          repo: 'oci',
          artifact: 'image',
          for: 'openfga',
          path: 'postgresql.image.tag',
          unsuspend: 'true',
        },
      },
    ],
    syncWave: 2,
    helmRepo: true,
    external: true,
    values: {
      // The upstream profiles' defaults for the in-cluster database of openfga.
      datastore: {
        applyMigrations: true,
        engine: 'postgres',
        maxOpenConns: 30,
        migrationType: 'initContainer',
        username: 'postgres',
        password: 'openfga',
        uri: 'postgres://openfga-postgres:5432/postgres?sslmode=disable',
      },
      extraEnvVars: [
        { name: 'OPENFGA_EXPERIMENTALS', value: 'enable-list-users' },
      ],
      postgresql: {
        enabled: true,
        auth: { postgresPassword: 'openfga' },
        nameOverride: 'postgres',
      },
      replicaCount: 1,
    },
  };
}

function portalService(): ServiceConfig {
  return {
    imageResources: [image('portal')],
    syncWave: 4,
    values: {
      auth: {
        default: {
          baseDomain: '{{ .baseDomain }}',
          clientId: 'welcome',
          clientSecretKey: 'attribute.client_secret',
          clientSecretName: 'portal-client-secret-welcome',
          discoveryUrl:
            'https://{{ .baseDomainPort }}/keycloak/realms/${org-name}/.well-known/openid-configuration',
        },
      },
      cookieDomain: '{{ .baseDomain }}',
      crdGatewayApiUrl:
        'https://${org-subdomain}{{ .baseDomain }}/api/kubernetes-graphql-gateway/root:orgs:${org-name}/graphql',
      extraEnvVars: [
        {
          name: 'OPENMFP_PORTAL_CONTEXT_CRD_GATEWAY_API_URL',
          value:
            'https://${org-subdomain}{{ .baseDomainPort }}/gateway/api/clusters/root:orgs:${org-name}/graphql',
        },
        {
          name: 'OPENMFP_PORTAL_CONTEXT_IAM_SERVICE_API_URL',
          value: 'https://${org-subdomain}{{ .baseDomainPort }}/iam/graphql',
        },
        { name: 'NODE_EXTRA_CA_CERTS', value: '/etc/ssl/certs/domain-ca.crt' },
      ],
      extraVolumeMounts: [
        {
          name: 'domain-ca',
          mountPath: '/etc/ssl/certs/domain-ca.crt',
          subPath: 'tls.crt',
          readOnly: true,
        },
      ],
      extraVolumes: [
        { name: 'domain-ca', secret: { secretName: 'domain-certificate-ca' } },
      ],
      frontendPort: '{{ .port }}',
      http: { protocol: '{{ .protocol }}' },
      kcp: { kubeconfigSecret: 'portal-kubeconfig' },
    },
  };
}

function kubernetesGraphqlGatewayService(
  ctx: ServiceDefaultsContext,
): ServiceConfig {
  const frontProxy = `https://frontproxy-front-proxy.${KCP_NAMESPACE}:8443`;
  return {
    imageResources: [image('kubernetes-graphql-gateway')],
    syncWave: 4,
    values: {
      gatewayApi: { enabled: true },
      istio: { enabled: false },
      kubeConfig: {
        enabled: true,
        secretName: 'kubernetes-graphql-gateway-kubeconfig',
      },
      listener: {
        virtualWorkspacesConfig: {
          enabled: true,
          content: {
            virtualWorkspaces: [
              {
                kubeconfig: '/app/kubeconfig/kubeconfig',
                name: 'contentconfigurations',
                url: `${frontProxy}/services/contentconfigurations`,
              },
              {
                kubeconfig: '/app/kubeconfig/kubeconfig',
                name: 'marketplace',
                url: `${frontProxy}/services/marketplace`,
              },
            ],
          },
        },
      },
      tracing: { enabled: false },
      trust: {
        default: {
          audience: 'default',
          jwksUrl: `http://keycloak-headless.${ctx.namespace}:8080/keycloak/realms/default/protocol/openid-connect/certs`,
          trustedIssuer:
            'https://{{ .baseDomainPort }}/keycloak/realms/default',
        },
      },
    },
  };
}

function securityOperatorService(ctx: ServiceDefaultsContext): ServiceConfig {
  return {
    imageResources: [image('security-operator')],
    syncWave: 4,
    values: {
      baseDomain: '{{ .baseDomainPort }}',
      caSecret: 'domain-certificate-ca',
      crds: { enabled: false },
      fga: {
        inviteKeycloakBaseUrl: 'https://{{ .baseDomainPort }}/keycloak',
        target: `openfga.${ctx.namespace}.svc.cluster.local:8081`,
      },
      initializer: {
        kubeconfigSecret: 'security-initializer-kubeconfig',
        extraArgs: ['--domain-ca-lookup'],
      },
      kubeconfigSecret: 'security-operator-kubeconfig',
      operator: { maxConcurrentReconciles: 1, shutdownTimeout: '1m' },
      system: {
        kubeconfigSecret: 'security-operator-kubeconfig',
        extraArgs: ['--domain-ca-lookup'],
      },
      terminator: { kubeconfigSecret: 'security-terminator-kubeconfig' },
    },
  };
}

function serviceDefaults(
  name: KnownServiceName,
  ctx: ServiceDefaultsContext,
): ServiceConfig {
  switch (name) {
    case 'account-operator':
      return {
        imageResources: [image(name)],
        syncWave: 4,
        values: {
          crds: { enabled: false },
          kcp: {
            apiExportEndpointSliceName: 'core.platform-mesh.io',
            enabled: true,
          },
          kubeconfigSecret: 'account-operator-kubeconfig',
          subroutines: { fga: { grpcAddr: 'openfga:8081' } },
        },
      };
    case 'extension-manager-operator':
      return {
        imageResources: [image(name)],
        syncWave: 4,
        values: {
          crds: { enabled: false },
          kcp: {
            enabled: true,
            kubeconfigSecret: 'extension-manager-operator-kubeconfig',
          },
        },
      };
    case 'marketplace-ui':
      return {
        imageResources: [image(name)],
        values: { gatewayApi: { enabled: true }, istio: { enabled: false } },
      };
    case 'iam-ui':
      return { syncWave: 4, imageResources: [image(name)] };
    case 'iam-service':
      return {
        imageResources: [image(name)],
        syncWave: 4,
        values: {
          caSecret: 'domain-certificate-ca',
          istio: { enabled: false },
        },
      };
    case 'infra':
      return infraService(ctx);
    case 'kcp-operator':
      return kcpOperatorService(ctx);
    case 'init-agent':
      return initAgentService();
    case 'keycloak-operator':
      return keycloakOperatorService(ctx);
    case 'cnpg-operator':
      return cnpgOperatorService(ctx);
    case 'kubernetes-graphql-gateway':
      return kubernetesGraphqlGatewayService(ctx);
    case 'observability':
      return observabilityService();
    case 'openfga':
      return openfgaService();
    case 'portal':
      return portalService();
    case 'rebac-authz-webhook':
      return {
        imageResources: [image(name)],
        syncWave: 3,
        values: {
          certManager: { createCA: true, enabled: true },
          openfga: { url: 'openfga:8081' },
        },
      };
    case 'security-operator':
      return securityOperatorService(ctx);
    case 'virtual-workspaces':
      return {
        imageResources: [image(name)],
        syncWave: 4,
        targetNamespace: ctx.namespace,
        values: {
          virtualWorkspaceSecretName: 'virtual-workspaces-cert',
          deployment: {
            serverUrl: `https://frontproxy-front-proxy.${KCP_NAMESPACE}:8443`,
            resourceSchemaName:
              'v250704-6d57f16.contentconfigurations.ui.platform-mesh.io',
            resourceSchemaWorkspace: 'root:platform-mesh-system',
          },
        },
      };
    case 'kcp':
      return { external: true };
    case 'terminal-controller-manager':
      return { syncWave: 4, imageResources: [image(name)] };
    default:
      return {};
  }
}

/**
 * The built-in configuration of every known service, derived from the upstream remote profiles
 * (fluxcd and argocd) without the values that only fit the local kind setup (host aliases, fixed
 * cluster IPs, localhost CORS origins, development flags). `enabled` follows
 * {@link DEFAULT_ENABLED_SERVICES}; `dependsOn` and in-cluster URLs use the given namespace.
 *
 * @param ctx - deployment technology and PlatformMesh namespace
 */
export function defaultServiceConfigs(
  ctx: ServiceDefaultsContext,
): Record<KnownServiceName, ServiceConfig> {
  const result = {} as Record<KnownServiceName, ServiceConfig>;
  for (const name of KNOWN_SERVICES) {
    result[name] = {
      enabled: DEFAULT_ENABLED_SERVICES.includes(name),
      ...serviceDefaults(name, ctx),
    };
  }
  return result;
}

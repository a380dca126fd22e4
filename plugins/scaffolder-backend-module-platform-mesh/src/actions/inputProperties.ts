import { KNOWN_SERVICES } from '@platform-mesh-backstage/plugin-platform-mesh-common/alpha';
import type { z as zod } from 'zod/v3';
import { jsonRecord, jsonValue } from './jsonValue';

type Z = typeof zod;

const secretRef = (z: Z, description: string) =>
  z
    .object({
      name: z.string({ description: 'Secret name' }).optional(),
      key: z.string({ description: 'Data key' }).optional(),
    })
    .optional()
    .describe(description);

/**
 * The inputs `platform-mesh:render` and `platform-mesh:apply` share, as zod field builders.
 */
export const setupInputProperties = {
  target: (z: Z) =>
    z.string({
      description:
        'Name of a configured target (`platformMesh.targets`): the operator, runtime and infra clusters of one remote deployment',
    }),
  name: (z: Z) =>
    z.string({
      description:
        'Name of the PlatformMesh instance (RFC 1123 label), e.g. `platform-mesh`',
    }),
  namespace: (z: Z) =>
    z
      .string({
        description:
          "Namespace of the instance on the runtime cluster (and of its HelmReleases on the infra cluster). Defaults to the target's namespace",
      })
      .optional(),
  baseDomain: (z: Z) =>
    z
      .string({
        description:
          'Base domain the platform is exposed on (`spec.exposure.baseDomain`), e.g. `portal.example.com`. When set, port and protocol are written too',
      })
      .optional(),
  port: (z: Z) =>
    z
      .number({
        description:
          'Exposure port (`spec.exposure.port`). Defaults to 443 (80 for http)',
      })
      .int()
      .optional(),
  protocol: (z: Z) =>
    z
      .enum(['http', 'https'], {
        description: 'Exposure protocol (`spec.exposure.protocol`)',
      })
      .optional(),
  services: (z: Z) =>
    z
      .array(z.string(), {
        description: `Services to enable in the built profile. Known: ${KNOWN_SERVICES.join(
          ', ',
        )}. Defaults to the services of the upstream remote profiles. Not combined with \`profile\``,
      })
      .optional(),
  serviceOverrides: (z: Z) =>
    z
      .record(jsonRecord(z), {
        description:
          'Per-service settings merged over the built-in defaults of the built profile (e.g. `cnpg-operator: { repoURL: ... }`, required in argocd mode when cnpg-operator is enabled). Not combined with `profile`',
      })
      .optional(),
  deploymentTechnology: (z: Z) =>
    z
      .enum(['fluxcd', 'argocd'], {
        description:
          "How the operator deploys on the infra cluster. Defaults to the target's; must match it",
      })
      .optional(),
  profile: (z: Z) =>
    z
      .string({
        description:
          'A complete profile YAML (`profile.yaml` of the profile ConfigMap) instead of one built from `services`',
      })
      .optional(),
  featureToggles: (z: Z) =>
    z
      .array(z.string(), {
        description:
          'Feature toggles (`spec.featureToggles[].name`), e.g. `feature-enable-getting-started`',
      })
      .optional(),
  kcp: (z: Z) =>
    z
      .record(jsonValue(z), {
        description:
          '`spec.kcp`: providerConnections, extraProviderConnections, extraDefaultAPIBindings, extraWorkspaces',
      })
      .optional(),
  values: (z: Z) =>
    z
      .record(jsonValue(z), {
        description:
          '`spec.values`, deep-merged by the operator into its templates',
      })
      .optional(),
  profileConfigMapName: (z: Z) =>
    z
      .string({
        description:
          'Name of the profile ConfigMap. Defaults to `<name>-profile` (the operator default)',
      })
      .optional(),
  secretNames: (z: Z) =>
    z
      .object({
        operatorRuntimeKubeconfig: secretRef(
          z,
          'Runtime kubeconfig the operator mounts (operator cluster, operator namespace)',
        ),
        operatorInfraKubeconfig: secretRef(
          z,
          'Infra kubeconfig the operator mounts when Operator != Infra (operator cluster)',
        ),
        fluxRuntimeKubeconfig: secretRef(
          z,
          "Runtime kubeconfig Flux reads for the operator's HelmReleases (infra cluster, instance namespace)",
        ),
        argocdClusterSecret: z
          .object({
            name: z.string().optional(),
            namespace: z.string().optional(),
          })
          .optional()
          .describe('Argo CD cluster Secret of the runtime cluster (argocd)'),
      })
      .optional()
      .describe(
        "Overrides of the kubeconfig Secrets' names and keys (default: the target's, else the how-to's)",
      ),
  credentials: (z: Z) =>
    z
      .enum(['serviceAccount', 'secrets', 'none'], {
        description:
          'Where the kubeconfigs in the Secrets come from: `serviceAccount` (dedicated ServiceAccounts with least-privilege RBAC and minted tokens), `secrets` (kubeconfigs the template passes as task secrets, see `kubeconfigSecrets`), or `none` (the Secrets are created out of band)',
      })
      .optional(),
  kubeconfigSecrets: (z: Z) =>
    z
      .object({
        operatorToRuntime: z
          .string({
            description:
              'Task secret with the runtime kubeconfig for the operator (default `operatorToRuntimeKubeconfig`)',
          })
          .optional(),
        operatorToInfra: z
          .string({
            description:
              'Task secret with the infra kubeconfig for the operator, Operator != Infra only (default `operatorToInfraKubeconfig`)',
          })
          .optional(),
        infraToRuntime: z
          .string({
            description:
              'Task secret with the runtime kubeconfig for Flux / Argo CD (default `infraToRuntimeKubeconfig`)',
          })
          .optional(),
      })
      .optional()
      .describe(
        'With `credentials: secrets`: the names of the task secrets (`secrets` of the template) that hold the kubeconfigs. Never pass kubeconfigs as plain parameters',
      ),
  runtimeServerUrl: (z: Z) =>
    z
      .string({
        description:
          "The runtime API URL as the operator, Flux and Argo CD reach it. Defaults to the target's `runtimeServerUrl`",
      })
      .optional(),
  infraServerUrl: (z: Z) =>
    z
      .string({
        description:
          "The infra API URL as the operator reaches it (Operator != Infra). Defaults to the infra cluster's configured URL",
      })
      .optional(),
  entityName: (z: Z) =>
    z
      .string({
        description:
          'Name of the catalog Resource for the instance. Default: the name the catalog entity provider gives it (`catalog.providers.platformMesh.namePattern`, default `{target}-{namespace}-{name}`), so the output link leads to its page',
      })
      .optional(),
  owner: (z: Z) =>
    z
      .string({
        description:
          "Owner of the instance: a Group or User entity ref as `OwnerPicker` returns it (`group:default/platform-team`; a bare name is a group). Recorded on the PlatformMesh as `platform-mesh.io/owner`, which the catalog entity provider makes the entity's `spec.owner`. Default: `catalog.providers.platformMesh.defaultOwner`, else the user who runs the template",
      })
      .optional(),
  sourceTemplate: (z: Z) =>
    z
      .string({
        description:
          "Entity ref of the template that creates the instance, recorded on the PlatformMesh as `platform-mesh.io/source-template` (the entity's `backstage.io/source-template`). Default: the running template",
      })
      .optional(),
  serviceRepoUrls: (z: Z) =>
    z
      .record(z.string(), {
        description:
          'Per service, the chart repository to pull from (its `repoURL`), e.g. `{ cnpg-operator: <mirror> }`: an https:// URL or an OCI reference, without credentials. Merged over the defaults (in argocd mode cnpg-operator defaults to the upstream `ghcr.io/cloudnative-pg/charts`). Not combined with `profile`',
      })
      .optional(),
};

/**
 * Outputs both actions share.
 */
export const setupOutputProperties = {
  instanceRef: (z: Z) =>
    z
      .object({
        target: z.string(),
        namespace: z.string(),
        name: z.string(),
      })
      .describe('The instance: target, namespace and name'),
  annotation: (z: Z) =>
    z.string({
      description:
        'Value of the `platform-mesh.io/instance` catalog annotation (`<target>/<namespace>/<name>`)',
    }),
  entityRef: (z: Z) =>
    z.string({ description: 'Ref of the catalog Resource for the instance' }),
  entityUrl: (z: Z) =>
    z.string({
      description:
        "Path of the entity page in Backstage, where the Platform Mesh card shows the instance's status",
    }),
  warnings: (z: Z) =>
    z
      .array(z.string())
      .optional()
      .describe(
        'What the input has that was accepted but probably is a mistake, as `<field>: <message>` (e.g. a key given twice in the profile YAML: the operator uses the last one). Also logged',
      ),
};

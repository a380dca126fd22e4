import { type ClusterRole } from '@platform-mesh-backstage/plugin-platform-mesh-common';
import {
  FIELD_MANAGER,
  stringifyManifests,
  type RenderPlan,
  type RequiredSecret,
} from '@platform-mesh-backstage/plugin-platform-mesh-common/alpha';
import { stringify } from 'yaml';
import type { ApplyPlanItem } from '../apply/applyPlan';
import {
  GITOPS_SERVICE_ACCOUNT,
  OPERATOR_SERVICE_ACCOUNT,
  type ServiceAccountRef,
} from '../credentials/serviceAccountRbac';
import { DEFAULT_TOKEN_EXPIRATION_SECONDS } from '../credentials/serviceAccountTokens';
import type { CredentialsMode } from '../input/readSetupInput';
import { catalogInfo, type InstanceEntity } from '../actions/outputs';

/** What the render writes, by path relative to the target folder. */
interface WorkspaceFiles {
  files: Array<{ path: string; content: string }>;
  readme: string;
}

const ROLES: ClusterRole[] = ['operator', 'runtime', 'infra'];

const ROLE_PURPOSE: Record<ClusterRole, string> = {
  operator:
    'where the operator runs: the kubeconfig Secrets it mounts (install the operator chart here with `helm-values.operator.yaml`)',
  runtime:
    'where the PlatformMesh and its profile ConfigMap live and the platform runs',
  infra:
    "where Flux / Argo CD objects live: the Secret Flux (or Argo CD) uses to reach the runtime cluster, and the operator's HelmReleases / Applications",
};

function fileName(order: number, item: ApplyPlanItem): string {
  const { kind, metadata } = item.object;
  const ns = metadata.namespace ? `${metadata.namespace}-` : '';
  // RBAC names may contain ':'; keep file names portable.
  return `${String(order).padStart(2, '0')}-${kind.toLowerCase()}-${ns}${
    metadata.name
  }.yaml`.replace(/[^A-Za-z0-9._-]/g, '-');
}

function secretCommand(secret: RequiredSecret): string {
  if (secret.id === 'argocd-cluster') {
    return [
      `kubectl --context <${secret.cluster}> -n ${secret.namespace} create secret generic ${secret.name} \\`,
      `  --from-literal=name=<runtime cluster name> --from-literal=server=<runtime API URL> \\`,
      `  --from-file=config=<argocd-cluster-config.json>`,
      `kubectl --context <${secret.cluster}> -n ${
        secret.namespace
      } label secret ${secret.name} ${Object.entries(secret.labels ?? {})
        .map(([k, v]) => `${k}=${v}`)
        .join(' ')}`,
    ].join('\n');
  }
  return `kubectl --context <${secret.cluster}> -n ${secret.namespace} create secret generic ${secret.name} --from-file=${secret.key}=<kubeconfig file>`;
}

const SERVICE_ACCOUNT_FOR: Record<RequiredSecret['source'], string> = {
  operatorToRuntime: OPERATOR_SERVICE_ACCOUNT,
  operatorToInfra: OPERATOR_SERVICE_ACCOUNT,
  infraToRuntime: GITOPS_SERVICE_ACCOUNT,
};

/**
 * The workspace files of a render: one YAML file per object under a folder per cluster role
 * (numbered in apply order, with a `kustomization.yaml`), `helm-values.operator.yaml`,
 * `catalog-info.yaml` and a `README.md` that says what goes where and which Secrets must be
 * created out of band. `items` are written as given: pass Secret objects only when the template
 * asked for them (they carry credentials).
 */
export function workspaceFiles(options: {
  plan: RenderPlan;
  items: ApplyPlanItem[];
  clusters: Record<ClusterRole, string>;
  operatorNamespace: string;
  credentials: CredentialsMode;
  serviceAccounts: ServiceAccountRef[];
  secretsWritten: boolean;
  deploymentTechnology: 'fluxcd' | 'argocd';
  entity: InstanceEntity;
}): WorkspaceFiles {
  const { plan, clusters } = options;
  const files: WorkspaceFiles['files'] = [];
  const written = options.items;
  const byRole = new Map<ClusterRole, string[]>();
  written.forEach((item, index) => {
    const name = fileName(index + 1, item);
    files.push({
      path: `${item.role}/${name}`,
      content: `# ${item.description}\n${stringifyManifests([item.object])}`,
    });
    byRole.set(item.role, [...(byRole.get(item.role) ?? []), name]);
  });
  for (const [role, resources] of byRole) {
    files.push({
      path: `${role}/kustomization.yaml`,
      content: stringify({
        apiVersion: 'kustomize.config.k8s.io/v1beta1',
        kind: 'Kustomization',
        resources,
      }),
    });
  }
  files.push({
    path: 'helm-values.operator.yaml',
    content: plan.helmValuesYaml,
  });
  files.push({
    path: 'catalog-info.yaml',
    content: stringify(catalogInfo(plan, options.entity)),
  });

  const lines: string[] = [];
  const { target, namespace, name } = plan.instanceRef;
  lines.push(
    `# Platform Mesh instance \`${namespace}/${name}\` on target \`${target}\``,
    '',
    `Rendered by the \`platform-mesh:render\` scaffolder action. Catalog annotation: \`platform-mesh.io/instance: ${plan.annotation}\`.`,
    '',
    '## What goes where',
    '',
    '| folder | cluster | what |',
    '| --- | --- | --- |',
  );
  for (const role of ROLES) {
    if (!byRole.has(role)) continue;
    lines.push(
      `| \`${role}/\` | \`${clusters[role]}\` | ${ROLE_PURPOSE[role]} |`,
    );
  }
  if (clusters.operator === clusters.infra) {
    lines.push(
      '',
      `Operator == Infra: \`operator/\` and \`infra/\` both go to cluster \`${clusters.operator}\`.`,
    );
  }
  lines.push(
    '',
    'Apply in this order (the file names are numbered in apply order; the PlatformMesh comes last):',
    '',
    '```sh',
  );
  for (const role of ROLES) {
    if (!byRole.has(role)) continue;
    lines.push(
      `kubectl --context <${clusters[role]}> apply --server-side --field-manager=${FIELD_MANAGER} -k ${role}/`,
    );
  }
  lines.push(
    '```',
    '',
    'Each folder also works as a Flux `Kustomization` or Argo CD `Application` source.',
    '',
    '## The operator',
    '',
    `Install (or upgrade) the Platform Mesh operator chart on cluster \`${
      clusters.operator
    }\`, namespace \`${
      options.operatorNamespace
    }\`, with \`helm-values.operator.yaml\`: it mounts the runtime kubeconfig Secret${
      plan.helmValues.remoteInfra.enabled
        ? ' and the infra kubeconfig Secret'
        : ''
    } below and tells Flux which Secret to use on the infra cluster.`,
    '',
    'The PlatformMesh carries the annotation `platform-mesh.io/profile-sha256` (a hash of the profile): a profile-only change also changes the PlatformMesh, so the operator, which does not watch the ConfigMap, reconciles.',
  );

  lines.push('', '## Secrets to create out of band', '');
  if (options.secretsWritten) {
    lines.push(
      'The kubeconfig Secrets were written into this folder because the template asked for it (`includeSecrets: true`). They hold credentials: do not commit them unencrypted (use SOPS or Sealed Secrets).',
    );
  }
  const allRequired = plan.requiredSecrets;
  if (allRequired.length === 0) {
    lines.push('None: every Secret of the setup is in this folder.');
  } else {
    lines.push(
      'These Secrets are not in this folder: credentials never go into a repository by accident. Create each one on its cluster:',
      '',
      '| cluster | namespace | name | keys | what for |',
      '| --- | --- | --- | --- | --- |',
      ...allRequired.map(
        s =>
          `| \`${s.cluster}\` (${s.role}) | \`${s.namespace}\` | \`${
            s.name
          }\` | ${s.keys.map(k => `\`${k}\``).join(', ')} | ${s.purpose} |`,
      ),
      '',
      '```sh',
      ...allRequired.map(secretCommand),
      '```',
    );
  }

  if (options.credentials === 'serviceAccount') {
    const hours = Math.round(DEFAULT_TOKEN_EXPIRATION_SECONDS / 3600);
    lines.push(
      '',
      '### Kubeconfigs from the ServiceAccounts in this folder',
      '',
      `The folders contain dedicated ServiceAccounts in namespace \`${
        options.operatorNamespace
      }\` with their RBAC: \`${OPERATOR_SERVICE_ACCOUNT}\` for the operator (least privilege) and \`${GITOPS_SERVICE_ACCOUNT}\` for ${
        options.deploymentTechnology === 'argocd' ? 'Argo CD' : 'Flux'
      } (it installs charts, so its role is cluster-admin equivalent) on the runtime cluster${
        options.serviceAccounts.some(s => s.source === 'operatorToInfra')
          ? `, and \`${OPERATOR_SERVICE_ACCOUNT}\` on the infra cluster`
          : ''
      }. After applying them, mint a token for each and build the kubeconfig the Secret above holds; its server must be the API URL as the consumer (the operator, Flux, Argo CD) reaches the cluster:`,
      '',
      '```sh',
      ...allRequired.map(s => {
        const sa = options.serviceAccounts.find(a => a.source === s.source);
        const cluster = sa?.cluster ?? clusters.runtime;
        return `kubectl --context <${cluster}> -n ${
          options.operatorNamespace
        } create token ${
          SERVICE_ACCOUNT_FOR[s.source]
        } --duration=${hours}h   # for ${s.namespace}/${s.name}`;
      }),
      '```',
      '',
      'Tokens expire: mint a new one and update the Secret before then (the `platform-mesh:apply` action does this by itself when less than a quarter of the lifetime is left).',
    );
  }

  lines.push(
    '',
    '## Catalog',
    '',
    `Register \`catalog-info.yaml\` (Resource \`${options.entity.name}\`) to see the instance's status on its Platform Mesh card.`,
    '',
  );
  const readme = lines.join('\n');
  files.push({ path: 'README.md', content: readme });
  return { files, readme };
}

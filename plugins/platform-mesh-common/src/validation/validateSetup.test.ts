import { cloneJson } from '../profile/deepMerge';
import {
  ARGOCD_PROFILE_YAML,
  argocdSetup,
  fluxcdSetup,
  minimalSetup,
} from '../render/__fixtures__/setups';
import type { ValidationProblem } from './types';
import { validateSetup } from './validateSetup';

// Tests mutate setups freely, including into invalid shapes.
type Loose = Record<string, any>;

function problemsOf(input: unknown): ValidationProblem[] {
  const result = validateSetup(input);
  return result.ok ? [] : result.problems;
}

function mutated(base: () => unknown, change: (s: Loose) => void): Loose {
  const setup = cloneJson(base()) as Loose;
  change(setup);
  return setup;
}

describe('validateSetup: valid setups', () => {
  it.each([
    ['fluxcd, three clusters, options', fluxcdSetup],
    ['argocd, Operator == Infra, given YAML', argocdSetup],
    ['minimal', minimalSetup],
  ])('accepts %s and returns a copy', (_name, make) => {
    const input = make();
    const result = validateSetup(input);
    expect(result).toEqual({ ok: true, value: input });
    expect(result.ok && result.value).not.toBe(input);
  });

  it('accepts an admin-auth connection without endpoint slice or export', () => {
    expect(
      problemsOf(
        mutated(minimalSetup, s => {
          s.kcp = {
            providerConnections: [
              { secret: 'admin-kubeconfig', adminAuth: true, path: 'root' },
            ],
          };
        }),
      ),
    ).toEqual([]);
  });

  it('accepts the profile ConfigMap on the runtime cluster in another namespace', () => {
    expect(
      problemsOf(
        mutated(minimalSetup, s => {
          s.profileConfigMap = { cluster: 'runtime', namespace: 'profiles' };
          s.profileConfigMapName = 'shared.profile';
        }),
      ),
    ).toEqual([]);
  });

  it('accepts the Flux Secret namespace when it is the instance namespace', () => {
    expect(
      problemsOf(
        mutated(minimalSetup, s => {
          s.secrets = {
            fluxRuntimeKubeconfig: {
              name: 'flux',
              key: 'kubeconfig',
              namespace: 'platform-mesh-system',
            },
          };
        }),
      ),
    ).toEqual([]);
  });

  it('accepts argocd options with a destination server and the cnpg repo set', () => {
    expect(
      problemsOf(
        mutated(minimalSetup, s => {
          s.deploymentTechnology = 'argocd';
          s.profile = {
            options: {
              destinationServer: 'https://10.0.0.12:6443',
              serviceOverrides: {
                'cnpg-operator': { repoURL: 'https://charts.example.com/cnpg' },
              },
            },
          };
        }),
      ),
    ).toEqual([]);
  });
});

type Case = [string, () => unknown, (s: Loose) => void, string, string];

const cases: Case[] = [
  // structure and names
  [
    'unknown top-level field',
    minimalSetup,
    s => {
      s.extra = 1;
    },
    'extra',
    'is not a known field',
  ],
  [
    'missing instance',
    minimalSetup,
    s => {
      delete s.instance;
    },
    'instance',
    'is required',
  ],
  [
    'instance name not a label',
    minimalSetup,
    s => {
      s.instance.name = 'Platform_Mesh';
    },
    'instance.name',
    'not a valid RFC 1123 label',
  ],
  [
    'instance name too long',
    minimalSetup,
    s => {
      s.instance.name = 'a'.repeat(64);
    },
    'instance.name',
    'at most 63',
  ],
  [
    'instance namespace with a dot',
    minimalSetup,
    s => {
      s.instance.namespace = 'a.b';
    },
    'instance.namespace',
    'RFC 1123 label',
  ],
  [
    'target name with a slash',
    minimalSetup,
    s => {
      s.target.name = 'dev/1';
    },
    'target.name',
    "must not contain whitespace or '/'",
  ],
  [
    'missing operator cluster',
    minimalSetup,
    s => {
      delete s.target.operatorCluster;
    },
    'target.operatorCluster',
    'is required',
  ],
  [
    'empty runtime cluster',
    minimalSetup,
    s => {
      s.target.runtimeCluster = '';
    },
    'target.runtimeCluster',
    'must not be empty',
  ],
  [
    'operator namespace not a label',
    minimalSetup,
    s => {
      s.target.operatorNamespace = 'PM';
    },
    'target.operatorNamespace',
    'RFC 1123 label',
  ],
  [
    'missing deployment technology',
    minimalSetup,
    s => {
      delete s.deploymentTechnology;
    },
    'deploymentTechnology',
    'is required',
  ],
  [
    'unknown deployment technology',
    minimalSetup,
    s => {
      s.deploymentTechnology = 'helm';
    },
    'deploymentTechnology',
    'must be fluxcd or argocd',
  ],
  // profile
  [
    'missing profile',
    minimalSetup,
    s => {
      delete s.profile;
    },
    'profile',
    'is required',
  ],
  [
    'profile yaml and options',
    minimalSetup,
    s => {
      s.profile = { yaml: 'a: 1', options: {} };
    },
    'profile',
    'exactly one',
  ],
  [
    'profile yaml not a string',
    minimalSetup,
    s => {
      s.profile = { yaml: 1 };
    },
    'profile.yaml',
    'must be a string',
  ],
  [
    'profile yaml with an unquoted template',
    minimalSetup,
    s => {
      s.profile = { yaml: 'infra: {}\ncomponents:\n  x: {{ .port }}\n' };
    },
    'profile.yaml',
    'is not quoted',
  ],
  [
    'profile yaml without infra',
    minimalSetup,
    s => {
      s.profile = { yaml: 'components:\n  services: {}\n' };
    },
    'profile.yaml.infra',
    'the infra section is required',
  ],
  [
    'profile yaml services not a mapping',
    minimalSetup,
    s => {
      s.profile = { yaml: 'infra: {}\ncomponents:\n  services: 1\n' };
    },
    'profile.yaml.components.services',
    'must be a mapping',
  ],
  [
    'profile yaml for another technology',
    minimalSetup,
    s => {
      s.profile = {
        yaml: 'infra:\n  deploymentTechnology: argocd\ncomponents:\n  services: {}\n',
      };
    },
    'profile.yaml.infra.deploymentTechnology',
    'is argocd but deploymentTechnology is fluxcd',
  ],
  [
    'unknown profile option',
    minimalSetup,
    s => {
      s.profile.options.foo = 1;
    },
    'profile.options.foo',
    'is not a known field',
  ],
  [
    'unknown service',
    minimalSetup,
    s => {
      s.profile.options.services = ['portall'];
    },
    'profile.options.services[0]',
    'unknown service "portall"',
  ],
  [
    'service listed twice',
    minimalSetup,
    s => {
      s.profile.options.services = ['portal', 'portal'];
    },
    'profile.options.services[1]',
    'listed twice',
  ],
  [
    'service whose dependency is off',
    minimalSetup,
    s => {
      s.profile.options.services = ['infra', 'kcp-operator'];
    },
    'profile.options.services',
    'infra depends on keycloak-operator, which is not enabled',
  ],
  [
    'options for another technology',
    minimalSetup,
    s => {
      s.profile.options.deploymentTechnology = 'argocd';
    },
    'profile.options.deploymentTechnology',
    'must match deploymentTechnology (fluxcd)',
  ],
  [
    'destination server not a URL',
    minimalSetup,
    s => {
      s.profile.options.destinationServer = '10.0.0.1:6443';
    },
    'profile.options.destinationServer',
    'http(s) URL',
  ],
  [
    'timeout not a duration',
    minimalSetup,
    s => {
      s.profile.options.timeout = '15 minutes';
    },
    'profile.options.timeout',
    'not a Go duration',
  ],
  [
    'OCM repo name',
    minimalSetup,
    s => {
      s.profile.options.ocm = { repo: 'My Repo' };
    },
    'profile.options.ocm.repo',
    'RFC 1123 subdomain',
  ],
  [
    'unknown infra component',
    minimalSetup,
    s => {
      s.profile.options.infraComponents = { istio: true };
    },
    'profile.options.infraComponents.istio',
    'is not a known field',
  ],
  [
    'infra switch not boolean',
    minimalSetup,
    s => {
      s.profile.options.infraComponents = { certManager: 'no' };
    },
    'profile.options.infraComponents.certManager',
    'true or false',
  ],
  [
    'custom service name',
    minimalSetup,
    s => {
      s.profile.options.serviceOverrides = { My_Svc: {} };
    },
    'profile.options.serviceOverrides.My_Svc',
    'RFC 1123 label',
  ],
  [
    'override not a mapping',
    minimalSetup,
    s => {
      s.profile.options.serviceOverrides = { portal: true };
    },
    'profile.options.serviceOverrides.portal',
    'must be a mapping',
  ],
  [
    'override enabled next to a services list',
    minimalSetup,
    s => {
      s.profile.options.services = ['portal'];
      s.profile.options.serviceOverrides = { portal: { enabled: true } };
    },
    'profile.options.serviceOverrides.portal.enabled',
    'conflicts with profile.options.services',
  ],
  [
    'argocd cnpg with its default repo overridden by an empty one',
    minimalSetup,
    s => {
      s.deploymentTechnology = 'argocd';
      s.profile.options.destinationServer = 'https://10.0.0.1:6443';
      s.profile.options.serviceOverrides = { 'cnpg-operator': { repoURL: '' } };
    },
    'profile.options.serviceOverrides.cnpg-operator.repoURL',
    'set its repoURL',
  ],
  // exposure
  [
    'domain with scheme',
    fluxcdSetup,
    s => {
      s.exposure.baseDomain = 'https://portal.example.com';
    },
    'exposure.baseDomain',
    'without a scheme',
  ],
  [
    'domain with port',
    fluxcdSetup,
    s => {
      s.exposure.baseDomain = 'portal.example.com:8443';
    },
    'exposure.baseDomain',
    'without a port',
  ],
  [
    'domain with path',
    fluxcdSetup,
    s => {
      s.exposure.baseDomain = 'portal.example.com/x';
    },
    'exposure.baseDomain',
    'without a path',
  ],
  [
    'domain with underscore',
    fluxcdSetup,
    s => {
      s.exposure.baseDomain = 'bad_domain.com';
    },
    'exposure.baseDomain',
    'not a valid domain name',
  ],
  [
    'domain missing',
    fluxcdSetup,
    s => {
      delete s.exposure.baseDomain;
    },
    'exposure.baseDomain',
    'is required',
  ],
  [
    'port zero',
    fluxcdSetup,
    s => {
      s.exposure.port = 0;
    },
    'exposure.port',
    'from 1 to 65535, got 0',
  ],
  [
    'port too big',
    fluxcdSetup,
    s => {
      s.exposure.port = 65536;
    },
    'exposure.port',
    'from 1 to 65535',
  ],
  [
    'port fraction',
    fluxcdSetup,
    s => {
      s.exposure.port = 8443.5;
    },
    'exposure.port',
    'integer',
  ],
  [
    'port string',
    fluxcdSetup,
    s => {
      s.exposure.port = '8443';
    },
    'exposure.port',
    'got a string',
  ],
  [
    'port missing',
    fluxcdSetup,
    s => {
      delete s.exposure.port;
    },
    'exposure.port',
    'is required',
  ],
  [
    'protocol ftp',
    fluxcdSetup,
    s => {
      s.exposure.protocol = 'ftp';
    },
    'exposure.protocol',
    'must be http or https',
  ],
  [
    'protocol missing',
    fluxcdSetup,
    s => {
      delete s.exposure.protocol;
    },
    'exposure.protocol',
    'is required',
  ],
  // ocm, toggles, values, wait
  [
    'empty OCM repo name',
    fluxcdSetup,
    s => {
      s.ocm.repo.name = '';
    },
    'ocm.repo.name',
    'must not be empty',
  ],
  [
    'OCM reference without name',
    fluxcdSetup,
    s => {
      s.ocm.referencePath = [{}];
    },
    'ocm.referencePath[0].name',
    'is required',
  ],
  [
    'toggle without name',
    fluxcdSetup,
    s => {
      s.featureToggles = [{}];
    },
    'featureToggles[0].name',
    'is required',
  ],
  [
    'toggle without manifests',
    fluxcdSetup,
    s => {
      s.featureToggles = [{ name: 'feature-enable-marketplace-org' }];
    },
    'featureToggles[0].name',
    'manifests do not exist',
  ],
  [
    'toggle twice',
    fluxcdSetup,
    s => {
      s.featureToggles.push({ name: 'feature-enable-getting-started' });
    },
    'featureToggles[1].name',
    'listed twice',
  ],
  [
    'toggle parameter not a string',
    fluxcdSetup,
    s => {
      s.featureToggles[0].parameters = { a: 1 };
    },
    'featureToggles[0].parameters.a',
    'must be a string',
  ],
  [
    'values a list',
    fluxcdSetup,
    s => {
      s.values = [];
    },
    'values',
    'must be a mapping',
  ],
  [
    'wait entry without kind',
    fluxcdSetup,
    s => {
      s.wait = { resourceTypes: [{ group: 'a', version: 'v1' }] };
    },
    'wait.resourceTypes[0].kind',
    'is required',
  ],
  [
    'wait entry without group',
    fluxcdSetup,
    s => {
      s.wait = { resourceTypes: [{ version: 'v1', kind: 'X' }] };
    },
    'wait.resourceTypes[0].group',
    'core group',
  ],
  [
    'wait condition status',
    fluxcdSetup,
    s => {
      s.wait = {
        resourceTypes: [
          { group: '', version: 'v1', kind: 'X', conditionStatus: 'yes' },
        ],
      };
    },
    'wait.resourceTypes[0].conditionStatus',
    'True, False or Unknown',
  ],
  [
    'wait match expression operator',
    fluxcdSetup,
    s => {
      s.wait = {
        resourceTypes: [
          {
            group: '',
            version: 'v1',
            kind: 'X',
            matchExpressions: [{ key: 'a', operator: 'Equals' }],
          },
        ],
      };
    },
    'wait.resourceTypes[0].matchExpressions[0].operator',
    'In, NotIn',
  ],
  // kcp
  [
    'connection without secret',
    fluxcdSetup,
    s => {
      delete s.kcp.providerConnections[1].secret;
    },
    'kcp.providerConnections[1].secret',
    'is required',
  ],
  [
    'connection secret not a subdomain',
    fluxcdSetup,
    s => {
      s.kcp.providerConnections[1].secret = 'Bad_Secret';
    },
    'kcp.providerConnections[1].secret',
    'RFC 1123 subdomain',
  ],
  [
    'connection namespace',
    fluxcdSetup,
    s => {
      s.kcp.providerConnections[1].namespace = 'Bad';
    },
    'kcp.providerConnections[1].namespace',
    'RFC 1123 label',
  ],
  [
    'both export forms',
    fluxcdSetup,
    s => {
      s.kcp.providerConnections[1].apiExportNames = ['x'];
    },
    'kcp.providerConnections[1].apiExportNames',
    'not both',
  ],
  [
    'empty export name item',
    fluxcdSetup,
    s => {
      s.kcp.extraProviderConnections[0].apiExportNames = ['a', ''];
    },
    'kcp.extraProviderConnections[0].apiExportNames[1]',
    'non-empty string',
  ],
  [
    'export names not a list',
    fluxcdSetup,
    s => {
      s.kcp.extraProviderConnections[0].apiExportNames = 'a';
    },
    'kcp.extraProviderConnections[0].apiExportNames',
    'must be a list',
  ],
  [
    'scoped without slice or export',
    fluxcdSetup,
    s => {
      delete s.kcp.providerConnections[1].apiExportName;
    },
    'kcp.providerConnections[1]',
    'needs exactly one of endpointSliceName or apiExportName(s); set one',
  ],
  [
    'scoped with an empty export list',
    fluxcdSetup,
    s => {
      s.kcp.extraProviderConnections[0].apiExportNames = [];
    },
    'kcp.extraProviderConnections[0]',
    'needs exactly one',
  ],
  [
    'scoped with slice and export',
    fluxcdSetup,
    s => {
      s.kcp.providerConnections[1].endpointSliceName = 'x';
    },
    'kcp.providerConnections[1]',
    'not both',
  ],
  [
    'adminAuth not boolean',
    fluxcdSetup,
    s => {
      s.kcp.providerConnections[0].adminAuth = 'yes';
    },
    'kcp.providerConnections[0].adminAuth',
    'true or false',
  ],
  [
    'unknown connection field',
    fluxcdSetup,
    s => {
      s.kcp.providerConnections[0].secretName = 'x';
    },
    'kcp.providerConnections[0].secretName',
    'is not a known field',
  ],
  [
    'same connection secret twice',
    fluxcdSetup,
    s => {
      s.kcp.providerConnections[1].secret = 'platform-mesh-operator-kubeconfig';
    },
    'kcp.providerConnections[1].secret',
    'already written by kcp.providerConnections[0]',
  ],
  [
    'workspace path without colon',
    fluxcdSetup,
    s => {
      s.kcp.extraWorkspaces = [
        { path: 'my-ws', type: { name: 'universal', path: 'root' } },
      ];
    },
    'kcp.extraWorkspaces[0].path',
    "containing ':'",
  ],
  [
    'workspace without type',
    fluxcdSetup,
    s => {
      s.kcp.extraWorkspaces = [{ path: 'root:orgs:a' }];
    },
    'kcp.extraWorkspaces[0].type',
    'is required',
  ],
  [
    'binding without export',
    fluxcdSetup,
    s => {
      s.kcp.extraDefaultAPIBindings = [
        { workspaceTypePath: 'root', path: 'root' },
      ];
    },
    'kcp.extraDefaultAPIBindings[0].export',
    'is required',
  ],
  // profile ConfigMap
  [
    'profile ConfigMap name',
    minimalSetup,
    s => {
      s.profileConfigMapName = 'Bad_Name';
    },
    'profileConfigMapName',
    'RFC 1123 subdomain',
  ],
  [
    'profile ConfigMap on another cluster',
    minimalSetup,
    s => {
      s.profileConfigMap = { cluster: 'operator' };
    },
    'profileConfigMap.cluster',
    'must be the runtime cluster runtime',
  ],
  [
    'profile ConfigMap namespace',
    minimalSetup,
    s => {
      s.profileConfigMap = { namespace: 'a_b' };
    },
    'profileConfigMap.namespace',
    'RFC 1123 label',
  ],
  // secrets
  [
    'Secret name',
    minimalSetup,
    s => {
      s.secrets = {
        operatorRuntimeKubeconfig: { name: 'Bad', key: 'kubeconfig' },
      };
    },
    'secrets.operatorRuntimeKubeconfig.name',
    'RFC 1123 subdomain',
  ],
  [
    'Secret key',
    minimalSetup,
    s => {
      s.secrets = { operatorInfraKubeconfig: { name: 'a', key: 'a/b' } };
    },
    'secrets.operatorInfraKubeconfig.key',
    '[-._a-zA-Z0-9]+',
  ],
  [
    'Secret key missing',
    minimalSetup,
    s => {
      s.secrets = { fluxRuntimeKubeconfig: { name: 'a' } };
    },
    'secrets.fluxRuntimeKubeconfig.key',
    'is required',
  ],
  [
    'Flux Secret in another namespace',
    minimalSetup,
    s => {
      s.secrets = {
        fluxRuntimeKubeconfig: { name: 'a', key: 'k', namespace: 'default' },
      };
    },
    'secrets.fluxRuntimeKubeconfig.namespace',
    'must be the instance namespace platform-mesh-system',
  ],
  [
    'Argo CD Secret without namespace',
    minimalSetup,
    s => {
      s.secrets = { argocdClusterSecret: { name: 'a' } };
    },
    'secrets.argocdClusterSecret.namespace',
    'is required',
  ],
  [
    'unknown Secret',
    minimalSetup,
    s => {
      s.secrets = { other: {} };
    },
    'secrets.other',
    'is not a known field',
  ],
  [
    'two Secrets with one identity and different keys',
    minimalSetup,
    s => {
      s.secrets = {
        fluxRuntimeKubeconfig: {
          name: 'platform-mesh-kubeconfig',
          key: 'other',
        },
      };
    },
    'secrets.fluxRuntimeKubeconfig',
    'names the same Secret platform-mesh-system/platform-mesh-kubeconfig on cluster operator',
  ],
  [
    'two Secrets with one identity and different sources',
    fluxcdSetup,
    s => {
      delete s.target.infraCluster;
      delete s.kubeconfigs.operatorToInfra;
      s.secrets = {
        fluxRuntimeKubeconfig: {
          name: 'platform-mesh-kubeconfig',
          key: 'kubeconfig',
        },
      };
    },
    'secrets.fluxRuntimeKubeconfig',
    'with different content',
  ],
  // kubeconfigs
  [
    'server not a URL',
    fluxcdSetup,
    s => {
      s.kubeconfigs.operatorToRuntime.server = 'runtime:6443';
    },
    'kubeconfigs.operatorToRuntime.server',
    'https:// (or http://) URL',
  ],
  [
    'CA not base64',
    fluxcdSetup,
    s => {
      s.kubeconfigs.operatorToRuntime.caData = '-----BEGIN CERTIFICATE-----';
    },
    'kubeconfigs.operatorToRuntime.caData',
    'base64',
  ],
  [
    'CA and insecure',
    fluxcdSetup,
    s => {
      s.kubeconfigs.infraToRuntime.insecureSkipTlsVerify = true;
    },
    'kubeconfigs.infraToRuntime.insecureSkipTlsVerify',
    'together with caData',
  ],
  [
    'no credential',
    fluxcdSetup,
    s => {
      delete s.kubeconfigs.operatorToInfra.credential;
    },
    'kubeconfigs.operatorToInfra.credential',
    'is required',
  ],
  [
    'empty credential',
    fluxcdSetup,
    s => {
      s.kubeconfigs.operatorToInfra.credential = {};
    },
    'kubeconfigs.operatorToInfra.credential',
    'needs a token',
  ],
  [
    'token and certificate',
    fluxcdSetup,
    s => {
      s.kubeconfigs.operatorToInfra.credential.clientKeyData = 'ZmFrZQ==';
    },
    'kubeconfigs.operatorToInfra.credential',
    'not both',
  ],
  [
    'certificate without key',
    fluxcdSetup,
    s => {
      s.kubeconfigs.operatorToInfra.credential = {
        clientCertificateData: 'ZmFrZQ==',
      };
    },
    'kubeconfigs.operatorToInfra.credential.clientKeyData',
    'is required',
  ],
  [
    'key not base64',
    fluxcdSetup,
    s => {
      s.kubeconfigs.operatorToInfra.credential = {
        clientCertificateData: 'ZmFrZQ==',
        clientKeyData: 'fake key',
      };
    },
    'kubeconfigs.operatorToInfra.credential.clientKeyData',
    'base64',
  ],
  [
    'token with whitespace',
    fluxcdSetup,
    s => {
      s.kubeconfigs.operatorToInfra.credential.token = 'fake token';
    },
    'kubeconfigs.operatorToInfra.credential.token',
    'whitespace',
  ],
  [
    'infra kubeconfig when Operator == Infra',
    fluxcdSetup,
    s => {
      delete s.target.infraCluster;
    },
    'kubeconfigs.operatorToInfra',
    'is not used',
  ],
  // argocd destination
  [
    'argocd options without destination',
    minimalSetup,
    s => {
      s.deploymentTechnology = 'argocd';
      s.profile.options.services = ['portal'];
    },
    'profile.options.destinationServer',
    'argocd mode needs',
  ],
  [
    'argocd YAML without destination',
    argocdSetup,
    s => {
      delete s.kubeconfigs.infraToRuntime;
      s.profile.yaml = ARGOCD_PROFILE_YAML.replace(
        / {2}destinationServer: .*\n/g,
        '',
      );
    },
    'profile.yaml',
    'or destinationServer in the profile',
  ],
  [
    'argocd YAML with a placeholder destination',
    argocdSetup,
    s => {
      delete s.kubeconfigs.infraToRuntime;
    },
    'profile.yaml.components.destinationServer',
    'placeholders',
  ],
  [
    'argocd destination differs from the kubeconfig',
    fluxcdSetup,
    s => {
      s.deploymentTechnology = 'argocd';
      s.profile.options = {
        services: ['portal'],
        destinationServer: 'https://other:6443',
      };
    },
    'profile.options.destinationServer',
    'differs from kubeconfigs.infraToRuntime.server',
  ],
];

describe('validateSetup: every rule names its field', () => {
  it.each(cases)('%s', (_name, base, change, path, message) => {
    const problems = problemsOf(mutated(base, change));
    expect(problems).toContainEqual({
      path,
      message: expect.stringContaining(message),
    });
  });

  it('rejects a non-object input', () => {
    expect(validateSetup('setup')).toEqual({
      ok: false,
      problems: [
        { path: '', message: 'the setup must be a mapping, got a string' },
      ],
    });
    expect(problemsOf(null)).toHaveLength(1);
  });
});

describe('validateSetup: all at once', () => {
  it('returns every problem in one pass, cross-field rules included', () => {
    const setup = mutated(argocdSetup, s => {
      s.instance.name = 'PM';
      s.exposure.port = 70000;
      s.exposure.protocol = 'tcp';
      s.kcp.providerConnections[0].apiExportName = 'x';
      s.profileConfigMap = { cluster: 'mgmt' };
      s.secrets = {
        fluxRuntimeKubeconfig: { name: 'x', key: 'k', namespace: 'other' },
      };
      s.kubeconfigs.operatorToRuntime.server = 'nope';
    });
    expect(problemsOf(setup).map(p => p.path)).toEqual([
      'instance.name',
      'exposure.port',
      'exposure.protocol',
      'kcp.providerConnections[0].apiExportNames',
      'profileConfigMap.cluster',
      'secrets.fluxRuntimeKubeconfig.namespace',
      'kubeconfigs.operatorToRuntime.server',
    ]);
  });

  it('still runs the destination check when unrelated fields are invalid', () => {
    const setup = mutated(argocdSetup, s => {
      s.exposure.port = 0;
      delete s.kubeconfigs.infraToRuntime;
      s.profile.yaml = ARGOCD_PROFILE_YAML.replace(
        / {2}destinationServer: .*\n/g,
        '',
      );
    });
    expect(problemsOf(setup).map(p => p.path)).toEqual([
      'exposure.port',
      'profile.yaml',
    ]);
  });
});

describe('validateSetup: credentials never appear in problems', () => {
  it('does not echo kubeconfig values', () => {
    const secrets = [
      'fake-token with-space',
      'fake-ca-not-base64!',
      'fake-server-value',
      'fake-key-not-base64!',
    ];
    const setup = mutated(fluxcdSetup, s => {
      s.kubeconfigs.operatorToRuntime = {
        server: secrets[2],
        caData: secrets[1],
        credential: { token: secrets[0] },
      };
      s.kubeconfigs.operatorToInfra.credential = {
        clientCertificateData: 'ZmFrZQ==',
        clientKeyData: secrets[3],
      };
    });
    const text = JSON.stringify(problemsOf(setup));
    expect(text).toContain('kubeconfigs.operatorToRuntime.server');
    for (const secret of secrets) {
      expect(text).not.toContain(secret);
    }
  });
});

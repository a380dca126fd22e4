import { z } from 'zod/v3';
import { createService } from '../../__testUtils__/fakeClusters';
import { readSetupInput } from '../readSetupInput';
import { fieldPath } from './issueProblems';
import {
  CREDENTIALS_MODES,
  DEPLOYMENT_TECHNOLOGIES,
  KUBECONFIG_SECRET_KEYS,
  PROTOCOLS,
  SECRET_NAME_KEYS,
} from './inputOptions';
import { parseSetupInput, setupInputSchema } from './setupInputSchema';

const clusters = createService();
const context = {
  targets: clusters.listTargets(),
  defaultCredentials: 'serviceAccount',
  checkKubeconfigSecrets: true,
};
const OK = { target: 'dev', name: 'pm' };

const problemsOf = (raw: unknown) => parseSetupInput(raw, context).problems;

describe('setupInputSchema', () => {
  it('takes its enums and mapping keys from the action input schema', () => {
    expect(PROTOCOLS).toEqual(['http', 'https']);
    expect(DEPLOYMENT_TECHNOLOGIES).toEqual(['fluxcd', 'argocd']);
    expect(CREDENTIALS_MODES).toEqual(['serviceAccount', 'secrets', 'none']);
    expect(SECRET_NAME_KEYS).toEqual([
      'operatorRuntimeKubeconfig',
      'operatorInfraKubeconfig',
      'fluxRuntimeKubeconfig',
      'argocdClusterSecret',
    ]);
    expect(KUBECONFIG_SECRET_KEYS).toEqual([
      'operatorToRuntime',
      'operatorToInfra',
      'infraToRuntime',
    ]);
  });

  it('names field paths as the input does', () => {
    expect(fieldPath([])).toBe('input');
    expect(fieldPath(['kcp', 'providerConnections', 0, 'secret'])).toBe(
      'kcp.providerConnections[0].secret',
    );
    expect(fieldPath(['services', 2])).toBe('services[2]');
    expect(fieldPath(['secretNames', 'x'.repeat(500)]).length).toBeLessThan(
      100,
    );
  });

  it('parses a valid input, with defaults and normalized refs', () => {
    const result = setupInputSchema({
      ...context,
      sourceTemplate: 'template:default/t',
    }).safeParse({ ...OK, owner: 'team-a', port: 8443, baseDomain: 'a.b' });
    expect(result.success).toBe(true);
    expect(result.success && result.data).toMatchObject({
      name: 'pm',
      port: 8443,
      credentials: 'serviceAccount',
      owner: 'group:default/team-a',
      sourceTemplate: 'template:default/t',
    });
    expect(result.success && result.data.target?.name).toBe('dev');
  });

  it('runs the cross-field refinements when fields have the wrong type', () => {
    expect(problemsOf({ target: 5, name: 'pm', port: '443' })).toEqual([
      { field: 'target', message: 'must be a string, got a number' },
      { field: 'port', message: 'must be a number, got a string' },
      {
        field: 'baseDomain',
        message:
          'is required when port or protocol is set (the operator uses all three exposure fields together)',
      },
    ]);
  });

  it('reports every problem with its path, typed values still meeting the cross-field rules', () => {
    expect(
      problemsOf({
        ...OK,
        profile: 'infra: {}',
        services: ['portal', 'ok-name', 'Not A Service'],
        serviceRepoUrls: { portal: 5 },
        deploymentTechnology: 'argocd',
        kubeconfigSecrets: { operatorToRuntime: 'x' },
      }),
    ).toEqual([
      {
        field: 'services[2]',
        message: '"Not A Service" is not a service name',
      },
      {
        field: 'serviceRepoUrls.portal',
        message: 'must be a chart repository URL, got a number',
      },
      {
        field: 'services',
        message:
          'cannot be combined with profile: a given profile YAML lists its own services',
      },
      {
        field: 'serviceRepoUrls',
        message:
          'cannot be combined with profile: a given profile YAML lists its own services',
      },
      {
        field: 'deploymentTechnology',
        message: 'is argocd, but target dev is configured for fluxcd',
      },
      {
        field: 'kubeconfigSecrets',
        message: 'is only read with credentials: secrets',
      },
    ]);
  });

  it('checks kubeconfigSecrets entries with credentials: secrets', () => {
    expect(
      problemsOf({
        ...OK,
        credentials: 'secrets',
        kubeconfigSecrets: { operatorToRuntime: 5, nope: 'x' },
      }),
    ).toEqual([
      {
        field: 'kubeconfigSecrets.operatorToRuntime',
        message: 'must name a task secret (at most 4096 characters)',
      },
      {
        field: 'kubeconfigSecrets.nope',
        message:
          'is not a kubeconfig of the setup (operatorToRuntime, operatorToInfra, infraToRuntime)',
      },
    ]);
  });

  it('keeps the values of the fields without a problem', () => {
    const { values, problems } = parseSetupInput(
      { ...OK, namespace: 7, baseDomain: 'a.example.com', owner: 'team-a' },
      context,
    );
    expect(problems.map(p => p.field)).toEqual(['namespace']);
    expect(values.namespace).toBeUndefined();
    expect(values.baseDomain).toBe('a.example.com');
    expect(values.owner).toBe('group:default/team-a');
    expect(values.target?.name).toBe('dev');
  });

  it('refuses an input that is no mapping, alone', () => {
    expect(problemsOf(['x'])).toEqual([
      { field: 'input', message: 'must be a mapping, got a list' },
    ]);
  });

  it('is a zod schema', () => {
    expect(setupInputSchema(context)).toBeInstanceOf(z.ZodType);
  });
});

describe('readSetupInput: task-secret kubeconfigs', () => {
  const TOKEN = 'schema-test-secret-token-0a9b8c7d6e';
  const read = (secret: string) =>
    readSetupInput(
      { ...OK, credentials: 'secrets' },
      {
        clusters,
        defaultCredentials: 'serviceAccount',
        secrets: { operatorToRuntimeKubeconfig: secret },
      },
    );

  it.each([
    [
      'YAML that does not parse',
      `users:\n- name: u\n  user: { token: ${TOKEN} }\nclusters: [`,
    ],
    [
      'an entry KubeConfig refuses',
      `clusters:\n- cluster: { server: https://x }\nusers:\n- name: u\n  user: { token: ${TOKEN} }\n`,
    ],
    [
      'base64 of a kubeconfig with exec',
      Buffer.from(
        `clusters:\n- name: c\n  cluster: { server: https://x }\nusers:\n- name: u\n  user: { exec: { command: ${TOKEN} } }\n`,
      ).toString('base64'),
    ],
  ])('names the secret, never its content: %s', (_, secret) => {
    let error: unknown;
    try {
      read(secret);
    } catch (e) {
      error = e;
    }
    expect(String(error)).toMatch(
      /kubeconfigSecrets\.operatorToRuntime: task secret "operatorToRuntimeKubeconfig" /,
    );
    expect(String(error)).not.toContain(TOKEN);
    expect(JSON.stringify(error)).not.toContain(TOKEN);
  });

  it('reads a valid kubeconfig into the setup', () => {
    const input = read(
      `clusters:\n- name: c\n  cluster: { server: https://runtime.example:6443 }\nusers:\n- name: u\n  user: { token: ${TOKEN} }\n`,
    );
    expect(input.secretKubeconfigs.operatorToRuntime).toEqual({
      server: 'https://runtime.example:6443',
      credential: { token: TOKEN },
    });
  });
});

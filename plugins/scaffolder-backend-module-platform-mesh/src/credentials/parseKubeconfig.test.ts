import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { KubeConfig } from '@kubernetes/client-node';
import { parseKubeconfig } from './parseKubeconfig';

const TOKEN = 'kubeconfig-secret-token-9f8e7d6c5b4a';
const CERT = 'Y2xpZW50LWNlcnQtc2VjcmV0';
const KEY = 'Y2xpZW50LWtleS1zZWNyZXQtMTIzNDU2';

const kubeconfig = (cluster: string, user: string, extra = '') =>
  [
    'apiVersion: v1',
    'kind: Config',
    'clusters:',
    `- name: c\n  cluster:\n${cluster}`,
    'users:',
    `- name: u\n  user:\n${user}`,
    'contexts:',
    '- name: x\n  context: { cluster: c, user: u }',
    'current-context: x',
    extra,
  ].join('\n');

const SERVER = '    server: https://runtime.internal:6443';

function problemOf(text: string): string {
  const parsed = parseKubeconfig(text);
  if (parsed.ok) throw new Error('expected a problem');
  return parsed.problem;
}

describe('parseKubeconfig', () => {
  it('reads the server, CA data and token of the current context', () => {
    expect(
      parseKubeconfig(
        kubeconfig(
          `${SERVER}\n    certificate-authority-data: Q0EK`,
          `    token: ${TOKEN}`,
        ),
      ),
    ).toEqual({
      ok: true,
      source: {
        server: 'https://runtime.internal:6443',
        caData: 'Q0EK',
        credential: { token: TOKEN },
      },
    });
  });

  it('reads client certificate data and insecure-skip-tls-verify', () => {
    expect(
      parseKubeconfig(
        kubeconfig(
          `${SERVER}\n    insecure-skip-tls-verify: true`,
          `    client-certificate-data: ${CERT}\n    client-key-data: ${KEY}`,
        ),
      ),
    ).toEqual({
      ok: true,
      source: {
        server: 'https://runtime.internal:6443',
        insecureSkipTlsVerify: true,
        credential: { clientCertificateData: CERT, clientKeyData: KEY },
      },
    });
  });

  it('accepts base64 of the YAML', () => {
    const text = Buffer.from(
      kubeconfig(SERVER, `    token: ${TOKEN}`),
    ).toString('base64');
    const parsed = parseKubeconfig(text);
    expect(parsed.ok && parsed.source.credential).toEqual({ token: TOKEN });
  });

  it('takes the only cluster and user without a current context', () => {
    const parsed = parseKubeconfig(
      `clusters:\n- name: c\n  cluster: { server: https://x }\nusers:\n- name: u\n  user: { token: ${TOKEN} }\n`,
    );
    expect(parsed.ok && parsed.source.server).toBe('https://x');
  });

  it('names what is missing', () => {
    expect(problemOf('just text')).toBe(
      'is not a kubeconfig (YAML with clusters, users and contexts)',
    );
    expect(
      problemOf(
        'clusters:\n- name: a\n  cluster: { server: https://a }\n- name: b\n  cluster: { server: https://b }\nusers:\n- name: u\n  user: { token: t }\n',
      ),
    ).toBe(
      'names no cluster: set current-context, or give exactly one cluster',
    );
    expect(
      problemOf('clusters:\n- name: a\n  cluster: { server: https://a }\n'),
    ).toBe('names no user: set current-context, or give exactly one user');
    expect(
      problemOf(kubeconfig('    proxy-url: https://p', `    token: ${TOKEN}`)),
    ).toBe("its cluster has no 'server'");
    expect(problemOf(kubeconfig(SERVER, '    username: admin'))).toBe(
      "its user has no 'token' and no 'client-certificate-data' with 'client-key-data'",
    );
  });

  it.each([
    ['certificate-authority', '    certificate-authority: /etc/ca.crt', ''],
    ['exec', '', '    exec: { command: get-token }'],
    ['auth-provider', '', '    auth-provider: { name: oidc }'],
    ['tokenFile', '', '    tokenFile: /var/run/token'],
    ['token-file', '', '    token-file: /var/run/token'],
    [
      'client-certificate',
      '',
      `    client-certificate: /c.crt\n    client-key-data: ${KEY}`,
    ],
    [
      'client-key',
      '',
      `    client-certificate-data: ${CERT}\n    client-key: /c.key`,
    ],
  ])('refuses files and plugins: %s', (field, cluster, user) => {
    const problem = problemOf(
      kubeconfig(
        `${SERVER}${cluster ? `\n${cluster}` : ''}`,
        user || `    token: ${TOKEN}`,
      ),
    );
    expect(problem).toBe(
      field === 'certificate-authority'
        ? "its cluster uses 'certificate-authority' (a file path); embed the CA as 'certificate-authority-data'"
        : `its user uses '${field}', which cannot work from a Secret on another cluster; embed a token or client certificate data`,
    );
    expect(problem).not.toContain(TOKEN);
  });

  it('never reads a token file on this host', () => {
    const dir = mkdtempSync(join(tmpdir(), 'kubeconfig-'));
    try {
      const file = join(dir, 'token');
      writeFileSync(file, TOKEN);
      const parsed = parseKubeconfig(
        kubeconfig(SERVER, `    token-file: ${file}`),
      );
      expect(parsed.ok).toBe(false);
      expect(JSON.stringify(parsed)).not.toContain(TOKEN);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  describe('never quotes a credential', () => {
    it.each([
      ['a YAML error after the token', `token: ${TOKEN}\n: : [\n`],
      [
        'an entry KubeConfig refuses',
        `clusters:\n- cluster: { server: https://x }\nusers:\n- name: u\n  user: { token: ${TOKEN} }\n`,
      ],
      [
        'a context without cluster',
        `${kubeconfig(SERVER, `    token: ${TOKEN}`)}\n`.replace(
          '{ cluster: c, user: u }',
          `{ user: ${TOKEN} }`,
        ),
      ],
      ['base64 of garbage', Buffer.from(`[${TOKEN}`).toString('base64')],
      [
        'a token with exec',
        kubeconfig(SERVER, `    exec: { command: ${TOKEN} }`),
      ],
    ])('%s', (_, text) => {
      const parsed = parseKubeconfig(text);
      expect(parsed.ok).toBe(false);
      expect(JSON.stringify(parsed)).not.toContain(TOKEN);
    });

    it('maps an error of KubeConfig.loadFromString that quotes the content to a fixed problem', () => {
      const spy = jest
        .spyOn(KubeConfig.prototype, 'loadFromString')
        .mockImplementation(() => {
          throw new Error(`bad indentation near "token: ${TOKEN}"`);
        });
      try {
        const parsed = parseKubeconfig(
          kubeconfig(SERVER, `    token: ${TOKEN}`),
        );
        expect(parsed).toEqual({
          ok: false,
          problem:
            'is not a kubeconfig (YAML with clusters, users and contexts)',
        });
      } finally {
        spy.mockRestore();
      }
    });
  });
});

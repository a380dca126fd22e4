import { InputError } from '@backstage/errors';
import { createService } from '../__testUtils__/fakeClusters';
import { readApplyInput } from '../apply/readApplyInput';
import { readSetupInput } from './readSetupInput';

const clusters = createService();

function errorOf(input: unknown, apply = false): InputError {
  try {
    if (apply) readApplyInput(input, { clusters });
    else
      readSetupInput(input, { clusters, defaultCredentials: 'serviceAccount' });
  } catch (e) {
    expect(e).toBeInstanceOf(InputError);
    return e as InputError;
  }
  throw new Error('expected an InputError');
}

/** The field paths an error names, in order. */
function fieldsOf(error: Error): string[] {
  const body = error.message.replace(/^Invalid input \([^)]*\): /, '');
  return body.split('; ').map(part => part.split(': ')[0]);
}

const OK = { target: 'dev', name: 'pm' };

describe('readSetupInput: every problem at once', () => {
  it('reports an invalid port when baseDomain is missing', () => {
    const error = errorOf({ ...OK, port: 70000 });
    expect(fieldsOf(error)).toEqual(['port', 'baseDomain']);
    expect(error.message).toContain(
      'port: must be an integer from 1 to 65535, got 70000',
    );
  });

  it('refuses a fractional port', () => {
    expect(
      errorOf({ ...OK, baseDomain: 'a.localhost', port: 1.5 }).message,
    ).toContain('port: must be an integer from 1 to 65535, got 1.5');
  });

  it.each([
    ['missing', {}],
    ['not strings', { target: 7, name: ['x'] }],
  ])(
    'goes on after a %s name and target, listing the other problems',
    (_, base) => {
      const error = errorOf({
        ...base,
        namespace: 'Not_A_Namespace',
        protocol: 'ftp',
        featureToggles: ['bad toggle'],
        secretNames: { nope: {} },
      });
      expect(fieldsOf(error)).toEqual([
        'target',
        'name',
        'protocol',
        'baseDomain',
        'secretNames.nope',
        'namespace',
        'featureToggles[0]',
      ]);
    },
  );

  it('checks the other fields against an unknown target too, without blaming the stand-in', () => {
    const error = errorOf({ target: 'nope', name: 'pm', namespace: 'Bad_Ns' });
    expect(fieldsOf(error)).toEqual(['target', 'namespace']);
  });

  it('refuses unknown secretNames keys, naming the key and the allowed ones, and non-mapping entries', () => {
    const error = errorOf({
      ...OK,
      secretNames: { operatorRuntimeKubeconfig: 'x', fluxKubeconfig: {} },
    });
    expect(error.message).toContain(
      'secretNames.operatorRuntimeKubeconfig: must be a mapping, got a string',
    );
    expect(error.message).toContain(
      'secretNames.fluxKubeconfig: is not a Secret of the setup (expected one of: operatorRuntimeKubeconfig, operatorInfraKubeconfig, fluxRuntimeKubeconfig, argocdClusterSecret)',
    );
  });

  it('bounds feature toggles: the operator form, their number', () => {
    expect(
      fieldsOf(
        errorOf({
          ...OK,
          featureToggles: ['x'.repeat(1_000_000), 'feature-ok'],
        }),
      ),
    ).toEqual(['featureToggles[0]']);
    expect(
      errorOf({
        ...OK,
        featureToggles: Array.from({ length: 40 }, (_, i) => `feature-a-${i}`),
      }).message,
    ).toContain('featureToggles: has 40 entries, at most 32 are allowed');
  });

  it('cuts echoed values and keeps a 1 MB namespace error small', () => {
    const error = errorOf({ ...OK, namespace: 'n'.repeat(1_000_000) });
    expect(error.message.length).toBeLessThan(300);
    const echoed = errorOf({ ...OK, protocol: 'p'.repeat(1000) });
    expect(echoed.message).toContain(`got "${'p'.repeat(80)}…"`);
    expect(echoed.message.length).toBeLessThan(400);
  });

  it('bounds every string and list input', () => {
    const long = 'x'.repeat(5000);
    const error = errorOf({
      ...OK,
      owner: long,
      entityName: long,
      runtimeServerUrl: long,
      profileConfigMapName: long,
      services: Array(100).fill('portal'),
      profile: 'a'.repeat(600 * 1024),
    });
    expect(fieldsOf(error)).toEqual([
      'services',
      'profile',
      'profileConfigMapName',
      'runtimeServerUrl',
      'entityName',
      'owner',
    ]);
  });

  it('lists at most 50 problems and counts the rest, naming every top-level field in the header', () => {
    const error = errorOf({
      ...OK,
      kcp: {
        providerConnections: Array.from({ length: 60 }, () => ({ path: 'a' })),
      },
      port: 0,
    });
    expect(error.message).toMatch(/^Invalid input \(port, baseDomain, kcp\): /);
    expect(error.message).toMatch(/; and \d+ more problems$/);
  });
});

describe('readApplyInput: numbers', () => {
  it.each([
    ['timeoutSeconds', 1.5, 'must be an integer from 1 to 86400, got 1.5'],
    ['timeoutSeconds', 0, 'must be an integer from 1 to 86400, got 0'],
    ['tokenExpirationSeconds', 3600.5, 'must be an integer from 600'],
    [
      'pollIntervalSeconds',
      Number.NaN,
      'must be a number from 0.05 to 300, got NaN',
    ],
    [
      'timeoutSeconds',
      Infinity,
      'must be an integer from 1 to 86400, got Infinity',
    ],
  ])('refuses %s: %p', (name, value, message) => {
    expect(errorOf({ ...OK, [name]: value }, true).message).toContain(
      `${name}: ${message}`,
    );
  });

  it('accepts a fractional poll interval', () => {
    expect(() =>
      readApplyInput({ ...OK, pollIntervalSeconds: 0.5 }, { clusters }),
    ).not.toThrow();
  });
});

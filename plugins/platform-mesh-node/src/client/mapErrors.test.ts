import {
  httpErrorToClusterError,
  transportErrorToClusterError,
} from './mapErrors';
import { parseApiVersion, resourceName, resourcePath } from './resourcePath';

describe('transportErrorToClusterError', () => {
  it.each([
    ['ECONNREFUSED', 'unreachable', 'connection refused (ECONNREFUSED)'],
    ['ENOTFOUND', 'unreachable', 'host name not found (ENOTFOUND)'],
    ['EAI_AGAIN', 'unreachable', 'host name lookup failed (EAI_AGAIN)'],
    ['ECONNRESET', 'unreachable', 'connection reset (ECONNRESET)'],
    ['EHOSTUNREACH', 'unreachable', 'host unreachable (EHOSTUNREACH)'],
    ['ETIMEDOUT', 'timeout', 'connection timed out (ETIMEDOUT)'],
    [
      'DEPTH_ZERO_SELF_SIGNED_CERT',
      'unreachable',
      expect.stringContaining('TLS handshake failed'),
    ],
    [
      'ERR_TLS_CERT_ALTNAME_INVALID',
      'unreachable',
      expect.stringContaining('check caData/caFile'),
    ],
    ['EWHATEVER', 'unreachable', 'request failed (EWHATEVER)'],
  ])('maps %s', (code, type, message) => {
    const error = Object.assign(new Error(`connect ${code} 10.1.2.3:6443`), {
      code,
    });
    expect(transportErrorToClusterError(error, false, 1000, undefined)).toEqual(
      { type, message },
    );
  });

  it('prefers timeout when the client timer fired', () => {
    const error = Object.assign(new Error('aborted'), { name: 'AbortError' });
    expect(transportErrorToClusterError(error, true, 10_000, 'pods')).toEqual({
      type: 'timeout',
      message: 'no answer within 10s',
      resource: 'pods',
    });
  });
});

describe('httpErrorToClusterError', () => {
  it('tells a missing object from a missing resource type', () => {
    const object = JSON.stringify({
      kind: 'Status',
      code: 404,
      reason: 'NotFound',
      message: 'platformmeshes.core.platform-mesh.io "pm" not found',
      details: {
        name: 'pm',
        group: 'core.platform-mesh.io',
        kind: 'platformmeshes',
      },
    });
    expect(
      httpErrorToClusterError(
        404,
        object,
        'platformmeshes.core.platform-mesh.io',
      ).clusterError.type,
    ).toBe('not-found');
    expect(
      httpErrorToClusterError(404, '404 page not found', 'x').clusterError.type,
    ).toBe('crd-missing');
    const noResource = JSON.stringify({
      kind: 'Status',
      code: 404,
      reason: 'NotFound',
      message: 'the server could not find the requested resource',
      details: {},
    });
    expect(
      httpErrorToClusterError(404, noResource, undefined).clusterError,
    ).toEqual({
      type: 'crd-missing',
      message:
        'the API server does not serve this resource (is its CRD installed?)',
      statusCode: 404,
    });
  });

  it('maps 504 to timeout and keeps the Status', () => {
    const body = JSON.stringify({
      kind: 'Status',
      code: 504,
      message: 'Timeout: request did not complete',
    });
    const { clusterError, status } = httpErrorToClusterError(
      504,
      body,
      undefined,
    );
    expect(clusterError).toEqual({
      type: 'timeout',
      message: 'Timeout: request did not complete',
      statusCode: 504,
    });
    expect(status?.code).toBe(504);
  });

  it('does not echo long non-Status bodies', () => {
    expect(
      httpErrorToClusterError(
        502,
        `<html>${'x'.repeat(1000)}</html>`,
        undefined,
      ).clusterError.message,
    ).toBe('Bad Gateway');
  });
});

describe('resourcePath', () => {
  const cm = {
    group: '',
    version: 'v1',
    plural: 'configmaps',
    namespaced: true,
  };
  const pm = {
    group: 'core.platform-mesh.io',
    version: 'v1alpha1',
    plural: 'platformmeshes',
    namespaced: true,
  };
  const ns = {
    group: '',
    version: 'v1',
    plural: 'namespaces',
    namespaced: false,
  };

  it('builds collection, object and subresource paths', () => {
    expect(resourcePath(cm)).toBe('/api/v1/configmaps');
    expect(resourcePath(cm, { namespace: 'a' })).toBe(
      '/api/v1/namespaces/a/configmaps',
    );
    expect(resourcePath(pm, { namespace: 'a', name: 'b' })).toBe(
      '/apis/core.platform-mesh.io/v1alpha1/namespaces/a/platformmeshes/b',
    );
    expect(resourcePath(ns, { namespace: 'ignored', name: 'x' })).toBe(
      '/api/v1/namespaces/x',
    );
    expect(
      resourcePath(
        { ...cm, plural: 'serviceaccounts' },
        { namespace: 'a', name: 'sa', subresource: 'token' },
      ),
    ).toBe('/api/v1/namespaces/a/serviceaccounts/sa/token');
    expect(resourcePath(cm, { namespace: 'a', name: 'x/y' })).toBe(
      '/api/v1/namespaces/a/configmaps/x%2Fy',
    );
  });

  it('names resources and parses apiVersions', () => {
    expect(resourceName(pm)).toBe('platformmeshes.core.platform-mesh.io');
    expect(resourceName(cm)).toBe('configmaps');
    expect(parseApiVersion('v1')).toEqual({ group: '', version: 'v1' });
    expect(parseApiVersion('helm.toolkit.fluxcd.io/v2')).toEqual({
      group: 'helm.toolkit.fluxcd.io',
      version: 'v2',
    });
  });
});

import { healthyRelease } from '../__fixtures__';
import {
  needsForce,
  releaseKey,
  retriesExceededNames,
  sameRelease,
} from './sameRelease';

describe('release row helpers', () => {
  it('treats an equal copy as the same release and a changed field as different', () => {
    const a = healthyRelease('portal', 'portal', '0.36.2');
    expect(sameRelease(a, { ...a })).toBe(true);
    expect(sameRelease(a, { ...a, message: 'other' })).toBe(false);
    expect(sameRelease(a, { ...a, failures: 2 })).toBe(false);
  });

  it('keys a release by kind, namespace and name', () => {
    expect(releaseKey(healthyRelease('portal', 'portal', '1'))).toBe(
      'HelmRelease/platform-mesh-system/portal',
    );
  });

  it('offers force for a HelmRelease that exceeded its retries, by reason or diagnostic', () => {
    const portal = healthyRelease('portal', 'portal', '1');
    const names = retriesExceededNames([
      {
        id: 'release-retries-exceeded',
        summary: 'HelmRelease portal has given up: retries exceeded',
      },
      { id: 'source-missing', summary: 'HelmRelease other is missing' },
    ]);
    expect([...names]).toEqual(['portal']);
    expect(needsForce(portal, names)).toBe(true);
    expect(needsForce({ ...portal, name: 'x' }, names)).toBe(false);
    expect(needsForce({ ...portal, name: 'x', reason: 'RetriesExceeded' }, names)).toBe(true);
    expect(
      needsForce({ ...portal, kind: 'Application', reason: 'RetriesExceeded' }, names),
    ).toBe(false);
  });
});

import { foreignManagers } from './ownership';

const secret = (metadata: Record<string, unknown>) => ({
  apiVersion: 'v1',
  kind: 'Secret',
  metadata: { name: 's', namespace: 'ns', ...metadata },
  data: { kubeconfig: 'c2VjcmV0' },
});

describe('foreignManagers', () => {
  it('accepts an object with this product label', () => {
    expect(
      foreignManagers(
        secret({
          labels: { 'app.kubernetes.io/managed-by': 'backstage-platform-mesh' },
          managedFields: [{ manager: 'kubectl' }],
        }),
      ),
    ).toBeUndefined();
  });

  it('accepts an object with this product field manager', () => {
    expect(
      foreignManagers(
        secret({
          managedFields: [
            { manager: 'kubectl' },
            { manager: 'backstage-platform-mesh' },
          ],
        }),
      ),
    ).toBeUndefined();
  });

  it('names the managers of a foreign object, never its data', () => {
    const managers = foreignManagers(
      secret({
        labels: { 'app.kubernetes.io/managed-by': 'Helm' },
        managedFields: [{ manager: 'helm' }, { manager: 'helm' }],
      }),
    );
    expect(managers).toEqual([
      'field manager "helm"',
      'label app.kubernetes.io/managed-by=Helm',
    ]);
    expect(JSON.stringify(managers)).not.toContain('c2VjcmV0');
  });

  it('treats an object without managers as foreign', () => {
    expect(foreignManagers(secret({}))).toEqual(['unknown (no managedFields)']);
  });
});

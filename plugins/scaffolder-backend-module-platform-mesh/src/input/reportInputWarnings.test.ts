import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { createMockDirectory } from '@backstage/backend-test-utils';
import { parse } from 'yaml';
import { actionContext, createService } from '../__testUtils__/fakeClusters';
import { createPlatformMeshRenderAction } from '../actions/render';

const PROFILE = `infra:
  deploymentTechnology: fluxcd
components:
  deploymentTechnology: fluxcd
  services: {}
  timeout: 5m
  timeout: 10m
`;

describe('input warnings in the task log and output', () => {
  const workspace = createMockDirectory();
  const action = createPlatformMeshRenderAction({ clusters: createService() });

  it('renders a profile with a duplicate key as given, and reports the key and its path', async () => {
    const context = actionContext({
      input: {
        target: 'dev',
        name: 'pm-warn',
        profile: PROFILE,
        featureToggles: ['feature-enable-something-new'],
      },
      workspacePath: workspace.path,
    });
    await action.handler(context.ctx);
    expect(context.outputs.warnings).toEqual([
      'profile.components.timeout: the key "timeout" is given 2 times in one mapping; the operator (sigs.k8s.io/yaml) uses the last one',
      expect.stringMatching(
        /^featureToggles\[0\]: feature-enable-something-new is not a feature toggle operator v0\.81\.14 knows/,
      ),
    ]);
    expect(context.lines).toContain(
      'warn: Input warning: profile.components.timeout: the key "timeout" is given 2 times in one mapping; the operator (sigs.k8s.io/yaml) uses the last one',
    );
    const configMap = context.outputs.files.find((f: string) =>
      f.includes('configmap'),
    );
    const written = parse(
      readFileSync(join(workspace.path, configMap), 'utf8'),
    );
    // Byte for byte as given.
    expect(written.data['profile.yaml']).toBe(PROFILE);
  });

  it('outputs no warnings for a clean input', async () => {
    const context = actionContext({
      input: { target: 'dev', name: 'pm-clean' },
      workspacePath: workspace.path,
    });
    await action.handler(context.ctx);
    expect(context.outputs.warnings).toBeUndefined();
    expect(context.lines.filter(l => l.startsWith('warn:'))).toEqual([]);
  });
});

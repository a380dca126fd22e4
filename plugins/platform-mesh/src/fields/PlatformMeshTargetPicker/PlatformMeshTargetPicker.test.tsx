import '@testing-library/jest-dom';
import { createExtensionTester } from '@backstage/frontend-test-utils';
import { FormFieldBlueprint } from '@backstage/plugin-scaffolder-react/alpha';
import { renderInTestApp, TestApiProvider } from '@backstage/test-utils';
import { fireEvent, screen, waitFor, within } from '@testing-library/react';
import type { TargetSummary } from '@platform-mesh-backstage/plugin-platform-mesh-common';
import plugin from '../../alpha';
import { platformMeshApiRef, type PlatformMeshApi } from '../../api';
import { platformMeshTargetPickerFormField } from '../alpha';
import { PlatformMeshTargetPickerFieldExtension } from '..';
import { PlatformMeshTargetPicker } from './PlatformMeshTargetPicker';
import { platformMeshTargetPickerValidation } from './validation';

const TARGETS: TargetSummary[] = [
  {
    name: 'dev',
    operatorCluster: 'pm-operator',
    runtimeCluster: 'pm-runtime',
    infraCluster: 'pm-infra',
    operatorIsInfra: false,
    deploymentTechnology: 'fluxcd',
    namespace: 'platform-mesh-system',
  },
  {
    name: 'colocated',
    operatorCluster: 'pm-operator',
    runtimeCluster: 'pm-runtime',
    infraCluster: 'pm-operator',
    operatorIsInfra: true,
    deploymentTechnology: 'fluxcd',
    namespace: 'platform-mesh-system',
  },
];

function api(getTargets: PlatformMeshApi['getTargets']): PlatformMeshApi {
  return { getTargets } as PlatformMeshApi;
}

async function renderPicker(
  client: PlatformMeshApi,
  formData?: string,
  onChange = jest.fn(),
) {
  await renderInTestApp(
    <TestApiProvider apis={[[platformMeshApiRef, client]]}>
      <PlatformMeshTargetPicker
        {...({
          onChange,
          formData,
          required: true,
          schema: { title: 'Target' },
          uiSchema: {},
          rawErrors: [],
          idSchema: { $id: 'target' },
        } as any)}
      />
    </TestApiProvider>,
  );
  return onChange;
}

describe('PlatformMeshTargetPicker', () => {
  it('lists the configured targets with their clusters and returns the picked name', async () => {
    const onChange = await renderPicker(api(async () => TARGETS));
    const select = await screen.findByRole('button', { name: /Target/ });
    await waitFor(() => expect(select).not.toHaveAttribute('aria-disabled'));
    fireEvent.mouseDown(select);
    const listbox = await screen.findByRole('listbox');
    expect(
      within(listbox).getByText(
        'fluxcd · operator pm-operator, runtime pm-runtime, infra pm-infra · namespace platform-mesh-system',
      ),
    ).toBeInTheDocument();
    expect(
      within(listbox).getByText(/infra on the operator cluster/),
    ).toBeInTheDocument();
    fireEvent.click(within(listbox).getByText('colocated'));
    expect(onChange).toHaveBeenCalledWith('colocated');
  });

  it('selects the only target', async () => {
    const onChange = await renderPicker(api(async () => [TARGETS[0]]));
    await waitFor(() => expect(onChange).toHaveBeenCalledWith('dev'));
  });

  it('says why when the targets cannot be loaded', async () => {
    await renderPicker(
      api(async () => {
        throw new Error('Unauthorized');
      }),
    );
    expect(
      await screen.findByText('Could not load the targets: Unauthorized'),
    ).toBeInTheDocument();
  });

  it('validates that the target is configured', async () => {
    const addError = jest.fn();
    const apiHolder = { get: () => api(async () => TARGETS) } as any;
    await platformMeshTargetPickerValidation(
      'gone',
      { addError } as any,
      { apiHolder } as any,
    );
    expect(addError).toHaveBeenCalledWith(
      '"gone" is not a configured target (dev, colocated)',
    );
    addError.mockClear();
    await platformMeshTargetPickerValidation(
      'dev',
      { addError } as any,
      { apiHolder } as any,
    );
    expect(addError).not.toHaveBeenCalled();
  });

  it('is a form field of the new frontend system and a legacy field extension', async () => {
    expect(
      plugin.getExtension('scaffolder-form-field:platform-mesh/target-picker'),
    ).toBeDefined();
    const loader = createExtensionTester(platformMeshTargetPickerFormField).get(
      FormFieldBlueprint.dataRefs.formFieldLoader,
    );
    const field: any = await loader();
    expect(field.$$type).toBe('@backstage/scaffolder/FormField');
    expect(PlatformMeshTargetPickerFieldExtension).toBeDefined();
  });
});

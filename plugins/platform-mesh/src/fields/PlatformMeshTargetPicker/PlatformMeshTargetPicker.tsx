import { useEffect } from 'react';
import { useApi } from '@backstage/core-plugin-api';
import type { FieldExtensionComponentProps } from '@backstage/plugin-scaffolder-react';
import ListItemText from '@material-ui/core/ListItemText';
import MenuItem from '@material-ui/core/MenuItem';
import TextField from '@material-ui/core/TextField';
import type { TargetSummary } from '@platform-mesh-backstage/plugin-platform-mesh-common';
import useAsync from 'react-use/esm/useAsync';
import { platformMeshApiRef } from '../../api';

/** The name the field is registered under: `ui:field: PlatformMeshTargetPicker`. @public */
export const PLATFORM_MESH_TARGET_PICKER = 'PlatformMeshTargetPicker';

/** One line about a target's clusters (names only; the backend never sends URLs). */
function describeTarget(target: TargetSummary): string {
  const infra = target.operatorIsInfra
    ? 'infra on the operator cluster'
    : `infra ${target.infraCluster}`;
  return `${target.deploymentTechnology} · operator ${target.operatorCluster}, runtime ${target.runtimeCluster}, ${infra} · namespace ${target.namespace}`;
}

/**
 * A scaffolder form field that picks one of the configured Platform Mesh targets
 * (`GET /api/platform-mesh/targets`). Its value is the target name. With a single target it is
 * selected for the user.
 */
export function PlatformMeshTargetPicker(
  props: FieldExtensionComponentProps<string>,
) {
  const {
    onChange,
    required,
    formData,
    rawErrors,
    schema: { title = 'Target', description } = {},
    idSchema,
  } = props;
  const api = useApi(platformMeshApiRef);
  const {
    value: targets,
    loading,
    error,
  } = useAsync(() => api.getTargets(), [api]);

  useEffect(() => {
    if (!formData && targets?.length === 1) onChange(targets[0].name);
  }, [formData, targets, onChange]);

  let helperText =
    description ??
    'The clusters of one remote deployment, as configured in platformMesh.targets';
  if (error) {
    helperText = `Could not load the targets: ${error.message}`;
  } else if (!loading && targets?.length === 0) {
    helperText = 'No targets are configured (platformMesh.targets)';
  }

  return (
    <TextField
      id={idSchema?.$id}
      select
      fullWidth
      margin="normal"
      label={title}
      required={required}
      disabled={loading || !!error}
      value={formData ?? ''}
      error={!!error || (rawErrors?.length ?? 0) > 0}
      helperText={loading ? 'Loading targets…' : helperText}
      onChange={event => onChange(event.target.value as string)}
      SelectProps={{
        renderValue: value => String(value),
      }}
      InputLabelProps={{ shrink: true }}
    >
      {(targets ?? []).map(target => (
        <MenuItem key={target.name} value={target.name}>
          <ListItemText
            primary={target.name}
            secondary={describeTarget(target)}
          />
        </MenuItem>
      ))}
    </TextField>
  );
}

import { EmptyState } from '@backstage/core-components';
import { useApi } from '@backstage/core-plugin-api';
import Typography from '@material-ui/core/Typography';
import {
  formatInstanceRef,
  PLATFORM_MESH_INSTANCE_ANNOTATION,
  type InstanceRef,
} from '@platform-mesh-backstage/plugin-platform-mesh-common';
import useAsync from 'react-use/esm/useAsync';
import { platformMeshApiRef } from '../api';

/** Props of {@link NotFoundPanel}. */
interface NotFoundPanelProps {
  instanceRef: InstanceRef;
  /** The backend's 404 message, shown as it is (once) when present. */
  message?: string;
}

/**
 * What the card shows on a 404: the backend's own message (it says whether the target, the
 * namespace or the PlatformMesh is unknown), and, when the entity names a target that is not
 * configured, the targets that are.
 */
export function NotFoundPanel(props: NotFoundPanelProps) {
  const { instanceRef, message } = props;
  const api = useApi(platformMeshApiRef);
  const targets = useAsync(() => api.getTargets(), [api]);
  const names = targets.value?.map(t => t.name);
  const unknownTarget = !!names && !names.includes(instanceRef.target);
  const refString = formatInstanceRef(instanceRef);
  return (
    <EmptyState
      missing="data"
      title={
        unknownTarget
          ? `Target ${instanceRef.target} is not configured`
          : `Instance ${refString} not found`
      }
      description={
        <>
          <Typography
            variant="body2"
            component="span"
            display="block"
            paragraph
          >
            {message ?? (
              <>
                The backend found no PlatformMesh{' '}
                <code>
                  {instanceRef.namespace}/{instanceRef.name}
                </code>{' '}
                on the runtime cluster of target{' '}
                <code>{instanceRef.target}</code>.
              </>
            )}
          </Typography>
          {unknownTarget ? (
            <Typography
              variant="body2"
              component="span"
              display="block"
              paragraph
              data-testid="platform-mesh-configured-targets"
            >
              {names.length ? (
                <>
                  The configured targets are{' '}
                  {names.map((name, i) => (
                    <span key={name}>
                      {i > 0 ? ', ' : null}
                      <code>{name}</code>
                    </span>
                  ))}
                  .
                </>
              ) : (
                <>
                  No targets are configured under{' '}
                  <code>platformMesh.targets</code>.
                </>
              )}
            </Typography>
          ) : null}
          <Typography variant="body2" component="span" display="block">
            Check the entity's <code>{PLATFORM_MESH_INSTANCE_ANNOTATION}</code>{' '}
            annotation, or create the instance (for example with the Platform
            Mesh software template).
          </Typography>
        </>
      }
    />
  );
}

import Button from '@material-ui/core/Button';
import Table from '@material-ui/core/Table';
import TableBody from '@material-ui/core/TableBody';
import TableCell from '@material-ui/core/TableCell';
import TableHead from '@material-ui/core/TableHead';
import TableRow from '@material-ui/core/TableRow';
import Typography from '@material-ui/core/Typography';
import type { OcmResourceStatus } from '@platform-mesh-backstage/plugin-platform-mesh-common';
import type { InstanceObjectRef } from '../../api';
import { usePlatformMeshText } from '../../i18n/useFormatters';
import { HealthStatus } from '../HealthStatus';

/** The kind of an OCM `delivery.ocm.software` Resource, as the objects route names it. */
const OCM_RESOURCE_KIND = 'Resource';

/**
 * The OCM Resources on the runtime cluster with their readiness. Absent in the answer means they
 * could not be read; an empty list is a checked "none".
 */
export function OcmResources(props: {
  resources?: OcmResourceStatus[];
  onView: (object: InstanceObjectRef) => void;
}) {
  const { resources, onView } = props;
  const { t } = usePlatformMeshText();
  if (!resources) {
    return (
      <Typography variant="body2" color="textSecondary">
        {t('content.ocmNotRead')}
      </Typography>
    );
  }
  if (resources.length === 0) {
    return (
      <Typography variant="body2" color="textSecondary">
        {t('content.ocmNone')}
      </Typography>
    );
  }
  const c = 'content.ocmColumns';
  return (
    <Table size="small" aria-label={t('content.ocmResources')}>
      <TableHead>
        <TableRow>
          <TableCell>{t(`${c}.name`)}</TableCell>
          <TableCell>{t(`${c}.health`)}</TableCell>
          <TableCell>{t(`${c}.resource`)}</TableCell>
          <TableCell>{t(`${c}.version`)}</TableCell>
          <TableCell>{t(`${c}.message`)}</TableCell>
          <TableCell>
            <Typography variant="srOnly">
              {t('releases.columns.actions')}
            </Typography>
          </TableCell>
        </TableRow>
      </TableHead>
      <TableBody>
        {resources.map(r => (
          <TableRow key={`${r.namespace}/${r.name}`} data-ocm-resource={r.name}>
            <TableCell component="th" scope="row">
              {r.name}
            </TableCell>
            <TableCell>
              <HealthStatus health={r.health} label={t(`health.${r.health}`)} />
              {r.reason ? (
                <Typography
                  variant="caption"
                  component="div"
                  color="textSecondary"
                >
                  {r.reason}
                </Typography>
              ) : null}
            </TableCell>
            <TableCell>{r.resourceName ?? '—'}</TableCell>
            <TableCell>{r.version ?? '—'}</TableCell>
            <TableCell style={{ overflowWrap: 'anywhere' }}>
              {r.message ?? '—'}
            </TableCell>
            <TableCell>
              <Button
                size="small"
                aria-haspopup="dialog"
                aria-label={t('rawObject.openLabel', {
                  kind: OCM_RESOURCE_KIND,
                  name: r.name,
                })}
                onClick={() =>
                  onView({
                    role: 'runtime',
                    kind: OCM_RESOURCE_KIND,
                    namespace: r.namespace,
                    name: r.name,
                  })
                }
              >
                {t('rawObject.open')}
              </Button>
            </TableCell>
          </TableRow>
        ))}
      </TableBody>
    </Table>
  );
}

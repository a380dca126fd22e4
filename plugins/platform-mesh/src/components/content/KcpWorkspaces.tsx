import Table from '@material-ui/core/Table';
import TableBody from '@material-ui/core/TableBody';
import TableCell from '@material-ui/core/TableCell';
import TableHead from '@material-ui/core/TableHead';
import TableRow from '@material-ui/core/TableRow';
import Typography from '@material-ui/core/Typography';
import type { KcpWorkspaceStatus } from '@platform-mesh-backstage/plugin-platform-mesh-common';
import { usePlatformMeshText } from '../../i18n/useFormatters';

/**
 * The PlatformMesh's `status.kcpWorkspaces` as the operator wrote them: name and phase. Absent
 * in the answer means the operator wrote none.
 */
export function KcpWorkspaces(props: { workspaces?: KcpWorkspaceStatus[] }) {
  const { t } = usePlatformMeshText();
  const workspaces = props.workspaces ?? [];
  if (workspaces.length === 0) {
    return (
      <Typography variant="body2" color="textSecondary">
        {t('content.kcpNone')}
      </Typography>
    );
  }
  return (
    <Table size="small" aria-label={t('content.kcpWorkspaces')}>
      <TableHead>
        <TableRow>
          <TableCell>{t('content.kcpColumns.name')}</TableCell>
          <TableCell>{t('content.kcpColumns.phase')}</TableCell>
        </TableRow>
      </TableHead>
      <TableBody>
        {workspaces.map(w => (
          <TableRow key={w.name} data-workspace={w.name}>
            <TableCell component="th" scope="row">
              {w.name}
            </TableCell>
            <TableCell>{w.phase}</TableCell>
          </TableRow>
        ))}
      </TableBody>
    </Table>
  );
}

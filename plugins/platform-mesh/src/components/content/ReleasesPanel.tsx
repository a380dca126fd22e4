import { useMemo, useState } from 'react';
import Button from '@material-ui/core/Button';
import Table from '@material-ui/core/Table';
import TableBody from '@material-ui/core/TableBody';
import TableCell from '@material-ui/core/TableCell';
import TableContainer from '@material-ui/core/TableContainer';
import TableHead from '@material-ui/core/TableHead';
import TableRow from '@material-ui/core/TableRow';
import Typography from '@material-ui/core/Typography';
import { makeStyles, type Theme } from '@material-ui/core/styles';
import type {
  ClusterRoleStatus,
  Diagnostic,
  InstanceRef,
  ReleaseStatus,
} from '@platform-mesh-backstage/plugin-platform-mesh-common';
import type { InstanceObjectRef } from '../../api';
import { usePlatformMeshText } from '../../i18n/useFormatters';
import { ClusterErrorText } from '../ClusterErrorText';
import { ReleaseRow } from './ReleaseRow';
import { needsForce, releaseKey, retriesExceededNames } from './sameRelease';

const useStyles = makeStyles((theme: Theme) => ({
  toolbar: {
    display: 'flex',
    flexWrap: 'wrap',
    alignItems: 'center',
    gap: theme.spacing(1),
    marginTop: theme.spacing(1),
  },
  head: {
    paddingLeft: theme.spacing(1),
    paddingRight: theme.spacing(1),
    whiteSpace: 'nowrap',
  },
  error: {
    marginBottom: theme.spacing(1),
  },
}));

/** Props of {@link ReleasesPanel}. */
interface ReleasesPanelProps {
  releases: ReleaseStatus[];
  diagnostics: Diagnostic[];
  instanceRef: InstanceRef;
  infra?: ClusterRoleStatus;
  canReconcile: boolean;
  onView: (object: InstanceObjectRef) => void;
  onReconciled?: () => void;
  /** Show the healthy rows from the start; default false (collapsed). */
  defaultShowHealthy?: boolean;
  now?: number;
}

/**
 * The releases of the Platform Mesh tab: problems first (the backend's order), healthy rows
 * collapsed behind a toggle, each row with its Reconcile buttons (with force after
 * RetriesExceeded) and its raw object.
 */
export function ReleasesPanel(props: ReleasesPanelProps) {
  const {
    releases,
    diagnostics,
    instanceRef,
    infra,
    canReconcile,
    onView,
    onReconciled,
    defaultShowHealthy = false,
    now,
  } = props;
  const classes = useStyles();
  const { t } = usePlatformMeshText();
  const [showHealthy, setShowHealthy] = useState(defaultShowHealthy);
  const forced = useMemo(
    () => retriesExceededNames(diagnostics),
    [diagnostics],
  );
  const healthyCount = useMemo(
    () => releases.filter(r => r.health === 'healthy').length,
    [releases],
  );
  const shown = useMemo(
    () =>
      showHealthy ? releases : releases.filter(r => r.health !== 'healthy'),
    [releases, showHealthy],
  );
  const infraError = infra && (!infra.reachable || infra.error);

  if (releases.length === 0) {
    return infraError ? (
      <ClusterErrorText clusterRole="infra" cluster={infra} what="releases" />
    ) : (
      <Typography variant="body2" color="textSecondary">
        {t('releases.none')}
      </Typography>
    );
  }
  const c = 'releases.columns';
  // Argo CD's own sync and health get their own columns when the instance has Applications
  const argoColumns = releases.some(r => r.kind === 'Application');
  return (
    <>
      {infraError ? (
        <div className={classes.error}>
          <ClusterErrorText clusterRole="infra" cluster={infra} />
        </div>
      ) : null}
      {shown.length ? (
        <TableContainer>
          <Table size="small" aria-label={t('releases.tableLabel')}>
            <TableHead>
              <TableRow>
                <TableCell className={classes.head}>{t(`${c}.name`)}</TableCell>
                <TableCell className={classes.head}>
                  {t(`${c}.health`)}
                </TableCell>
                <TableCell className={classes.head}>
                  {t(`${c}.chart`)}
                </TableCell>
                <TableCell className={classes.head}>
                  {t(`${c}.lastTransition`)}
                </TableCell>
                {argoColumns ? (
                  <>
                    <TableCell className={classes.head}>
                      {t(`${c}.sync`)}
                    </TableCell>
                    <TableCell className={classes.head}>
                      {t(`${c}.argoHealth`)}
                    </TableCell>
                  </>
                ) : null}
                <TableCell className={classes.head}>
                  {t(`${c}.failures`)}
                </TableCell>
                <TableCell className={classes.head}>
                  {t(`${c}.message`)}
                </TableCell>
                <TableCell className={classes.head}>
                  {t(`${c}.actions`)}
                </TableCell>
              </TableRow>
            </TableHead>
            <TableBody>
              {shown.map(r => (
                <ReleaseRow
                  key={releaseKey(r)}
                  release={r}
                  instanceRef={instanceRef}
                  canReconcile={canReconcile}
                  force={needsForce(r, forced)}
                  onView={onView}
                  onReconciled={onReconciled}
                  now={now}
                  argoColumns={argoColumns}
                />
              ))}
            </TableBody>
          </Table>
        </TableContainer>
      ) : null}
      {healthyCount ? (
        <div className={classes.toolbar}>
          {!showHealthy ? (
            <Typography variant="body2" color="textSecondary">
              {t('releases.allHealthyCollapsed', { count: healthyCount })}
            </Typography>
          ) : null}
          <Button
            size="small"
            variant="outlined"
            aria-expanded={showHealthy}
            onClick={() => setShowHealthy(s => !s)}
          >
            {showHealthy
              ? t('releases.hideHealthy')
              : t('releases.showHealthy', { count: healthyCount })}
          </Button>
        </div>
      ) : null}
    </>
  );
}

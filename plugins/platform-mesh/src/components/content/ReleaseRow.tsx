import { memo } from 'react';
import Button from '@material-ui/core/Button';
import TableCell from '@material-ui/core/TableCell';
import TableRow from '@material-ui/core/TableRow';
import Typography from '@material-ui/core/Typography';
import { makeStyles, type Theme } from '@material-ui/core/styles';
import type {
  InstanceRef,
  ReleaseStatus,
} from '@platform-mesh-backstage/plugin-platform-mesh-common';
import type { InstanceObjectRef } from '../../api';
import { usePlatformMeshText } from '../../i18n/useFormatters';
import { HealthStatus } from '../HealthStatus';
import { ReconcileButton } from '../reconcile/ReconcileButton';
import { formatAge } from '../time';
import { sameRelease } from './sameRelease';

const useStyles = makeStyles((theme: Theme) => ({
  cell: {
    verticalAlign: 'top',
    paddingLeft: theme.spacing(1),
    paddingRight: theme.spacing(1),
    overflowWrap: 'anywhere',
  },
  secondary: {
    display: 'block',
    color: theme.palette.text.secondary,
  },
  strong: {
    display: 'block',
    fontWeight: theme.typography.fontWeightMedium as number,
  },
  message: {
    minWidth: 200,
  },
  actions: {
    display: 'flex',
    flexDirection: 'column',
    alignItems: 'flex-start',
    gap: theme.spacing(0.5),
  },
}));

/** Props of {@link ReleaseRow}. */
interface ReleaseRowProps {
  release: ReleaseStatus;
  instanceRef: InstanceRef;
  /** The user may reconcile (the buttons are hidden otherwise). */
  canReconcile: boolean;
  /** Offer "Reconcile with force" (RetriesExceeded). */
  force: boolean;
  /** Opens the raw object drawer. */
  onView: (object: InstanceObjectRef) => void;
  /** Runs after a Reconcile request succeeded. */
  onReconciled?: () => void;
  /** Reference time for ages (tests). */
  now?: number;
  /** Show the Argo CD sync and health columns (some release of the instance is an Application). */
  argoColumns?: boolean;
}

function ReleaseRowView(props: ReleaseRowProps) {
  const {
    release: r,
    instanceRef,
    canReconcile,
    force,
    onView,
    onReconciled,
    now,
    argoColumns,
  } = props;
  const classes = useStyles();
  const { t, timestamp } = usePlatformMeshText();
  const age = formatAge(r.lastTransitionTime, now);
  const request = { kind: r.kind, namespace: r.namespace, name: r.name };
  return (
    <TableRow data-release={r.name} data-health={r.health}>
      <TableCell className={classes.cell} component="th" scope="row">
        <span className={classes.strong}>{r.name}</span>
        <Typography variant="caption" className={classes.secondary}>
          {r.kind} · {r.namespace}
        </Typography>
      </TableCell>
      <TableCell className={classes.cell}>
        <HealthStatus health={r.health} label={t(`health.${r.health}`)} />
        {r.reason ? (
          <Typography variant="caption" className={classes.secondary}>
            {r.reason}
          </Typography>
        ) : null}
        {r.suspended && r.health !== 'suspended' ? (
          <Typography variant="caption" className={classes.strong}>
            {t('releases.suspended')}
          </Typography>
        ) : null}
      </TableCell>
      <TableCell className={classes.cell}>
        {r.chart ??
          (r.chartSource
            ? t('releases.chartSource', { source: r.chartSource })
            : t('releases.noChart'))}
        <Typography variant="caption" className={classes.secondary}>
          {r.version ?? t('releases.noVersion')}
        </Typography>
        {r.lastAttemptedRevision &&
        r.lastAttemptedRevision.split('@')[0] !== r.version ? (
          <Typography variant="caption" className={classes.secondary}>
            {t('releases.lastAttempted', {
              revision: r.lastAttemptedRevision.split('@')[0],
            })}
          </Typography>
        ) : null}
        {r.appVersion ? (
          <Typography variant="caption" className={classes.secondary}>
            {t('releases.appVersion', { version: r.appVersion })}
          </Typography>
        ) : null}
        {r.revision ? (
          <Typography variant="caption" className={classes.secondary}>
            {t('releases.revision', { revision: String(r.revision) })}
          </Typography>
        ) : null}
      </TableCell>
      <TableCell className={classes.cell}>
        {age ? (
          <time
            dateTime={r.lastTransitionTime}
            title={timestamp(r.lastTransitionTime)}
          >
            {t('releases.ago', { age })}
          </time>
        ) : (
          '—'
        )}
      </TableCell>
      {argoColumns ? (
        <>
          <TableCell className={classes.cell}>{r.syncStatus ?? '—'}</TableCell>
          <TableCell className={classes.cell}>
            {r.healthStatus ?? '—'}
          </TableCell>
        </>
      ) : null}
      <TableCell className={classes.cell}>
        {r.failures ? t('releases.failures', { count: r.failures }) : '—'}
      </TableCell>
      <TableCell className={`${classes.cell} ${classes.message}`}>
        <Typography variant="body2">{r.message ?? '—'}</Typography>
      </TableCell>
      <TableCell className={classes.cell}>
        <div className={classes.actions}>
          {canReconcile ? (
            <ReconcileButton
              instanceRef={instanceRef}
              request={request}
              label={t('reconcile.release')}
              ariaLabel={t('reconcile.releaseLabel', {
                kind: r.kind,
                name: r.name,
              })}
              onDone={onReconciled}
            />
          ) : null}
          {canReconcile && force ? (
            <ReconcileButton
              instanceRef={instanceRef}
              request={{ ...request, force: true }}
              label={t('reconcile.force')}
              ariaLabel={t('reconcile.forceLabel', {
                kind: r.kind,
                name: r.name,
              })}
              onDone={onReconciled}
            />
          ) : null}
          <Button
            size="small"
            aria-haspopup="dialog"
            aria-label={t('rawObject.openLabel', {
              kind: r.kind,
              name: r.name,
            })}
            onClick={() =>
              onView({
                role: 'infra',
                kind: r.kind,
                namespace: r.namespace,
                name: r.name,
              })
            }
          >
            {t('rawObject.open')}
          </Button>
        </div>
      </TableCell>
    </TableRow>
  );
}

/**
 * One release of the Platform Mesh tab's table. Memoized: a poll that brings an equal release
 * (or the very same object after a `304`) does not re-render it.
 */
export const ReleaseRow = memo(
  ReleaseRowView,
  (a, b) =>
    sameRelease(a.release, b.release) &&
    a.instanceRef === b.instanceRef &&
    a.canReconcile === b.canReconcile &&
    a.force === b.force &&
    a.onView === b.onView &&
    a.onReconciled === b.onReconciled &&
    a.now === b.now,
);

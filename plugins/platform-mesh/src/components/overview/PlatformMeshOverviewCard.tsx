import { useMemo, type ReactNode } from 'react';
import { InfoCard, Link, Progress } from '@backstage/core-components';
import { useEntity } from '@backstage/plugin-catalog-react';
import Box from '@material-ui/core/Box';
import IconButton from '@material-ui/core/IconButton';
import Typography from '@material-ui/core/Typography';
import { makeStyles, type Theme } from '@material-ui/core/styles';
import RefreshIcon from '@material-ui/icons/Refresh';
import {
  formatInstanceRef,
  getInstanceRefFromEntity,
  type InstanceRef,
  type InstanceStatus,
} from '@platform-mesh-backstage/plugin-platform-mesh-common';
import {
  DEFAULT_REFRESH_INTERVAL_MS,
  useInstanceStatus,
} from '../../hooks/useInstanceStatus';
import { usePlatformMeshText } from '../../i18n/useFormatters';
import { TITLE_AS_HEADING } from '../cardHeading';
import { backendMessage, isForbidden, isNotFound } from '../errors';
import { HealthChip } from '../HealthChip';
import { shownOverall } from '../statusTruth';
import { ReconcileFeedback } from '../reconcile/ReconcileFeedback';
import { useCanReconcile } from '../reconcile/useCanReconcile';
import { useReconcile } from '../reconcile/useReconcile';
import { DataAge } from './DataAge';
import { OverviewMenu } from './OverviewMenu';
import { overviewSummary } from './overviewSummary';
import { PipelineLine } from './PipelineLine';
import { ReachabilityDots } from './ReachabilityDots';
import { ReleaseSummary } from './ReleaseSummary';
import { TopDiagnostics } from './TopDiagnostics';
import { useTabLink } from './useTabLink';

/**
 * Props of {@link EntityPlatformMeshOverviewCard}.
 *
 * @public
 */
export interface PlatformMeshOverviewCardProps {
  /** Card title; default "Platform Mesh" (translated). */
  title?: string;
  /** Auto-refresh interval in milliseconds; default 15000, 0 turns auto-refresh off. */
  refreshIntervalMs?: number;
}

const useStyles = makeStyles((theme: Theme) => ({
  actions: {
    display: 'flex',
    alignItems: 'center',
    gap: theme.spacing(0.5),
    marginTop: theme.spacing(1),
    marginRight: theme.spacing(1),
  },
  ref: {
    fontFamily: 'monospace',
    overflowWrap: 'anywhere',
  },
  section: {
    '& + &': { marginTop: theme.spacing(2) },
  },
  heading: {
    marginBottom: theme.spacing(0.5),
  },
  footer: {
    display: 'flex',
    flexWrap: 'wrap',
    alignItems: 'center',
    justifyContent: 'space-between',
    gap: theme.spacing(1),
    marginTop: theme.spacing(2),
  },
  feedback: {
    marginBottom: theme.spacing(1),
  },
}));

function Section(props: { id: string; title: string; children: ReactNode }) {
  const classes = useStyles();
  const headingId = `platform-mesh-overview-${props.id}`;
  return (
    <section className={classes.section} aria-labelledby={headingId}>
      <Typography
        id={headingId}
        variant="subtitle2"
        component="h3"
        className={classes.heading}
      >
        {props.title}
      </Typography>
      {props.children}
    </section>
  );
}

function OverviewBody(props: {
  status: InstanceStatus;
  tabLink?: string;
}) {
  const { status, tabLink } = props;
  const classes = useStyles();
  const { t } = usePlatformMeshText();
  const summary = useMemo(() => overviewSummary(status), [status]);
  const problems = status.diagnostics.length;
  return (
    <>
      <Section id="pipeline" title={t('blocking.heading')}>
        <PipelineLine pipeline={summary.pipeline} />
      </Section>
      <Section
        id="releases"
        title={
          summary.releaseTotal
            ? t('releases.count', { count: summary.releaseTotal })
            : t('releases.heading')
        }
      >
        <ReleaseSummary summary={summary} />
      </Section>
      <Section
        id="diagnostics"
        title={
          problems
            ? t('diagnostics.headingCount', { count: problems })
            : t('diagnostics.heading')
        }
      >
        <TopDiagnostics summary={summary} />
      </Section>
      <Box className={classes.footer}>
        <ReachabilityDots clusters={summary.reachability} />
        {tabLink ? <Link to={tabLink}>{t('overview.details')}</Link> : null}
      </Box>
      <DataAge ages={summary.ages} />
    </>
  );
}


/**
 * The compact Platform Mesh card for the entity overview: overall health, the blocking step with
 * its message, release counts by health with the worst named, the top diagnostics with their
 * hints, cluster reachability and the age of the data; the details are on the Platform Mesh tab.
 * It never claims health for data it could not read (see `statusTruth`).
 *
 * @public
 */
export function PlatformMeshOverviewCard(props: PlatformMeshOverviewCardProps) {
  const { refreshIntervalMs = DEFAULT_REFRESH_INTERVAL_MS } = props;
  const { entity } = useEntity();
  const instanceRef = getInstanceRefFromEntity(entity);
  const { t } = usePlatformMeshText();
  const title = props.title ?? t('title');
  if (!instanceRef) {
    return (
      <InfoCard title={title} titleTypographyProps={TITLE_AS_HEADING}>
        <Typography variant="body2">{t('overview.noAnnotation')}</Typography>
      </InfoCard>
    );
  }
  return (
    <OverviewCardFor
      instanceRef={instanceRef}
      title={title}
      refreshIntervalMs={refreshIntervalMs}
    />
  );
}

function OverviewCardFor(props: {
  instanceRef: InstanceRef;
  title: string;
  refreshIntervalMs: number;
}) {
  const { instanceRef, title, refreshIntervalMs } = props;
  const classes = useStyles();
  const { t } = usePlatformMeshText();
  const tabLink = useTabLink();
  const { value, error, loading, refreshing, refresh } = useInstanceStatus(
    instanceRef,
    { intervalMs: refreshIntervalMs },
  );
  const access = useCanReconcile();
  const reconcile = useReconcile(instanceRef, () => refresh());
  const refString = formatInstanceRef(instanceRef);
  const denied = isForbidden(error) || isNotFound(error);

  const action = (
    <Box className={classes.actions}>
      {value && !denied ? (
        <HealthChip
          health={shownOverall(value)}
          label={t(`health.${shownOverall(value)}`)}
          ariaLabel={t('health.overallLabel', {
            health: t(`health.${shownOverall(value)}`),
          })}
        />
      ) : null}
      <IconButton
        size="small"
        aria-label={t('overview.refresh')}
        aria-busy={refreshing}
        onClick={refresh}
      >
        <RefreshIcon />
      </IconButton>
      <OverviewMenu
        canReconcile={access.allowed && !!value && !denied}
        reconciling={reconcile.phase === 'pending'}
        onReconcile={() => reconcile.run({ kind: 'PlatformMesh' })}
        tabLink={tabLink}
      />
    </Box>
  );
  const subheader = (
    <span className={classes.ref} data-testid="platform-mesh-instance-ref">
      {refString}
    </span>
  );

  let body: ReactNode;
  if (loading) {
    body = (
      <Box aria-busy="true" aria-live="polite">
        <Typography variant="body2" color="textSecondary" gutterBottom>
          {t('overview.loading', { ref: refString })}
        </Typography>
        <Progress />
      </Box>
    );
  } else if (isForbidden(error)) {
    body = <Typography variant="body2">{t('overview.forbidden')}</Typography>;
  } else if (!value) {
    body = (
      <Typography variant="body2" color="error" role="alert">
        {backendMessage(error) ?? error?.message}
      </Typography>
    );
  } else if (isNotFound(error)) {
    body = (
      <Typography variant="body2" color="error" role="alert">
        {backendMessage(error)}
      </Typography>
    );
  } else {
    body = (
      <>
        {error ? (
          <Typography variant="body2" color="error" role="alert">
            {t('overview.refreshFailed', {
              message: backendMessage(error) ?? error.message,
            })}
          </Typography>
        ) : null}
        <OverviewBody status={value} tabLink={tabLink} />
      </>
    );
  }

  return (
    <InfoCard
      title={title}
      titleTypographyProps={TITLE_AS_HEADING}
      subheader={subheader}
      action={action}
    >
      <div data-testid="platform-mesh-overview">
        {reconcile.phase === 'idle' ? null : (
          <Box className={classes.feedback}>
            <ReconcileFeedback state={reconcile} />
          </Box>
        )}
        {body}
      </div>
    </InfoCard>
  );
}

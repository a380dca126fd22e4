import { memo, useCallback, useMemo, useState, type ReactNode } from 'react';
import {
  InfoCard,
  Progress,
  ResponseErrorPanel,
  WarningPanel,
} from '@backstage/core-components';
import { useEntity } from '@backstage/plugin-catalog-react';
import Box from '@material-ui/core/Box';
import Button from '@material-ui/core/Button';
import Grid from '@material-ui/core/Grid';
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
import type { InstanceObjectRef } from '../../api';
import {
  DEFAULT_REFRESH_INTERVAL_MS,
  useInstanceStatus,
} from '../../hooks/useInstanceStatus';
import { usePlatformMeshText } from '../../i18n/useFormatters';
import { TITLE_AS_HEADING } from '../cardHeading';
import { ClusterTopology } from '../ClusterTopology';
import { ConditionPipeline } from '../ConditionPipeline';
import { DeletionNotice } from '../DeletionNotice';
import { DiagnosticsList } from '../DiagnosticsList';
import { backendMessage, isForbidden, isNotFound } from '../errors';
import { HealthChip } from '../HealthChip';
import { NotFoundPanel } from '../NotFoundPanel';
import { OperatorLogsDrawer } from '../OperatorLogsDrawer';
import { DataAge } from '../overview/DataAge';
import { ReachabilityDots } from '../overview/ReachabilityDots';
import { overviewSummary } from '../overview/overviewSummary';
import { ReconcileButton } from '../reconcile/ReconcileButton';
import { useCanReconcile } from '../reconcile/useCanReconcile';
import { releasesTitle } from '../ReleasesTable';
import { diagnosticsComplete, shownOverall } from '../statusTruth';
import { KcpWorkspaces } from './KcpWorkspaces';
import { OcmResources } from './OcmResources';
import { RawObjectDrawer } from './RawObjectDrawer';
import { ReleasesPanel } from './ReleasesPanel';

/**
 * Props of {@link EntityPlatformMeshContent}.
 *
 * @public
 */
export interface PlatformMeshContentProps {
  /** Title of the tab's first card; default "Platform Mesh" (translated). */
  title?: string;
  /** Auto-refresh interval in milliseconds; default 15000, 0 turns auto-refresh off. */
  refreshIntervalMs?: number;
  /** Operator log lines per pod shown in the logs drawer; default 50. */
  logTailLines?: number;
}

const useStyles = makeStyles((theme: Theme) => ({
  headerRow: {
    display: 'flex',
    flexWrap: 'wrap',
    alignItems: 'center',
    gap: theme.spacing(1),
  },
  ref: {
    fontFamily: 'monospace',
    marginRight: 'auto',
    overflowWrap: 'anywhere',
  },
  actions: {
    display: 'flex',
    flexWrap: 'wrap',
    alignItems: 'center',
    gap: theme.spacing(1),
    marginTop: theme.spacing(2),
  },
  deletion: {
    marginTop: theme.spacing(2),
  },
}));

// The sections re-render only when their part of the answer changed (a `304` keeps every object).
const Pipeline = memo(ConditionPipeline);
const Diagnostics = memo(DiagnosticsList);
const Topology = memo(ClusterTopology);

function Card(props: { title: string; id: string; children: ReactNode }) {
  return (
    <InfoCard
      title={props.title}
      titleTypographyProps={TITLE_AS_HEADING}
      noPadding={false}
    >
      <section aria-label={props.title} data-testid={`platform-mesh-tab-${props.id}`}>
        {props.children}
      </section>
    </InfoCard>
  );
}

function ContentBody(props: {
  status: InstanceStatus;
  instanceRef: InstanceRef;
  title: string;
  logTailLines: number;
  refreshing: boolean;
  refresh: () => void;
}) {
  const { status, instanceRef, title, logTailLines, refreshing, refresh } = props;
  const classes = useStyles();
  const { t } = usePlatformMeshText();
  const access = useCanReconcile();
  const [viewing, setViewing] = useState<InstanceObjectRef>();
  const onView = useCallback((object: InstanceObjectRef) => setViewing(object), []);
  const onClose = useCallback(() => setViewing(undefined), []);
  const summary = useMemo(() => overviewSummary(status), [status]);
  const overall = shownOverall(status);
  const technology = status.instance.deploymentTechnology;
  const problems = status.diagnostics.length;
  const canReconcile = access.allowed;

  return (
    <>
      <Grid container spacing={3} alignItems="stretch">
        <Grid item xs={12}>
          <Card title={title} id="overall">
            <div className={classes.headerRow}>
              <HealthChip
                health={overall}
                label={t(`health.${overall}`)}
                ariaLabel={t('health.overallLabel', { health: t(`health.${overall}`) })}
              />
              <span className={classes.ref} data-testid="platform-mesh-instance-ref">
                {formatInstanceRef(instanceRef)}
              </span>
              <IconButton
                size="small"
                aria-label={t('overview.refresh')}
                aria-busy={refreshing}
                onClick={refresh}
              >
                <RefreshIcon />
              </IconButton>
            </div>
            <ReachabilityDots clusters={summary.reachability} />
            <DataAge ages={summary.ages} />
            {status.instance.deletion ? (
              <div className={classes.deletion}>
                <DeletionNotice deletion={status.instance.deletion} />
              </div>
            ) : null}
            <div className={classes.actions}>
              {canReconcile ? (
                <ReconcileButton
                  instanceRef={instanceRef}
                  request={{ kind: 'PlatformMesh' }}
                  label={t('reconcile.instance')}
                  onDone={refresh}
                />
              ) : null}
              <Button
                size="small"
                variant="outlined"
                aria-haspopup="dialog"
                aria-label={t('rawObject.openLabel', {
                  kind: 'PlatformMesh',
                  name: instanceRef.name,
                })}
                onClick={() =>
                  onView({
                    role: 'runtime',
                    kind: 'PlatformMesh',
                    namespace: instanceRef.namespace,
                    name: instanceRef.name,
                  })
                }
              >
                {t('rawObject.open')}
              </Button>
              <OperatorLogsDrawer instanceRef={instanceRef} tailLines={logTailLines} />
            </div>
          </Card>
        </Grid>
        <Grid item xs={12} lg={6}>
          <Card title={t('content.conditions')} id="conditions">
            <Pipeline
              conditions={status.conditions}
              generation={status.instance.generation}
              runtime={status.clusters.runtime}
            />
          </Card>
        </Grid>
        <Grid item xs={12} lg={6}>
          <Card
            title={
              problems
                ? t('diagnostics.headingCount', { count: problems })
                : t('diagnostics.heading')
            }
            id="diagnostics"
          >
            <Diagnostics
              diagnostics={status.diagnostics}
              clusters={status.clusters}
              complete={diagnosticsComplete(status)}
            />
          </Card>
        </Grid>
        <Grid item xs={12}>
          <Card title={releasesTitle(technology)} id="releases">
            <ReleasesPanel
              releases={status.releases}
              diagnostics={status.diagnostics}
              instanceRef={instanceRef}
              infra={status.clusters.infra}
              canReconcile={canReconcile}
              onView={onView}
              onReconciled={refresh}
            />
          </Card>
        </Grid>
        <Grid item xs={12} lg={6}>
          <Card title={t('content.topology')} id="clusters">
            <Topology
              clusters={status.clusters}
              deploymentTechnology={technology}
              diagnostics={status.diagnostics}
              secrets={status.secrets}
            />
          </Card>
        </Grid>
        <Grid item xs={12} lg={6}>
          <Card title={t('content.kcpWorkspaces')} id="kcp">
            <KcpWorkspaces workspaces={status.kcpWorkspaces} />
          </Card>
          <Box mt={3}>
            <Card title={t('content.ocmResources')} id="ocm">
              <OcmResources resources={status.ocmResources} onView={onView} />
            </Card>
          </Box>
        </Grid>
      </Grid>
      <RawObjectDrawer instanceRef={instanceRef} object={viewing} onClose={onClose} />
    </>
  );
}

/**
 * The Platform Mesh entity tab: the overall health with Reconcile, the full condition pipeline,
 * the diagnostics, the releases (healthy rows collapsed, each with Reconcile and its raw YAML),
 * the cluster topology, kcp workspaces, OCM Resources, the deletion state, and the operator logs.
 *
 * @public
 */
export function PlatformMeshContent(props: PlatformMeshContentProps) {
  const { refreshIntervalMs = DEFAULT_REFRESH_INTERVAL_MS, logTailLines = 50 } = props;
  const { entity } = useEntity();
  const { t } = usePlatformMeshText();
  const title = props.title ?? t('title');
  const parsed = getInstanceRefFromEntity(entity);
  const key = parsed ? formatInstanceRef(parsed) : undefined;
  // one object per instance, so memoized rows see the same reference on every render
  // eslint-disable-next-line react-hooks/exhaustive-deps
  const instanceRef = useMemo(() => parsed, [key]);
  const { value, error, loading, refreshing, refresh } = useInstanceStatus(
    instanceRef,
    { intervalMs: refreshIntervalMs },
  );

  if (!instanceRef) {
    return (
      <Card title={title} id="overall">
        <Typography variant="body2">{t('overview.noAnnotation')}</Typography>
      </Card>
    );
  }
  if (loading) {
    return (
      <Card title={title} id="overall">
        <Typography variant="body2" color="textSecondary" gutterBottom>
          {t('overview.loading', { ref: formatInstanceRef(instanceRef) })}
        </Typography>
        <Progress />
      </Card>
    );
  }
  if (error && isForbidden(error)) {
    return (
      <Card title={title} id="overall">
        <Typography variant="body2">{t('overview.forbidden')}</Typography>
      </Card>
    );
  }
  if (error && isNotFound(error)) {
    return (
      <Card title={title} id="overall">
        <NotFoundPanel instanceRef={instanceRef} message={backendMessage(error)} />
      </Card>
    );
  }
  if (!value) {
    return (
      <Card title={title} id="overall">
        {error ? <ResponseErrorPanel error={error} /> : null}
      </Card>
    );
  }
  return (
    <>
      {error ? (
        <Box mb={2}>
          <WarningPanel
            title={t('overview.refreshFailed', {
              message: backendMessage(error) ?? error.message,
            })}
          />
        </Box>
      ) : null}
      <ContentBody
        status={value}
        instanceRef={instanceRef}
        title={title}
        logTailLines={logTailLines}
        refreshing={refreshing}
        refresh={refresh}
      />
    </>
  );
}

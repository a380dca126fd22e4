import type { ReactNode } from 'react';
import {
  EmptyState,
  InfoCard,
  Progress,
  ResponseErrorPanel,
  WarningPanel,
} from '@backstage/core-components';
import { useEntity } from '@backstage/plugin-catalog-react';
import Box from '@material-ui/core/Box';
import CircularProgress from '@material-ui/core/CircularProgress';
import IconButton from '@material-ui/core/IconButton';
import Tooltip from '@material-ui/core/Tooltip';
import Typography from '@material-ui/core/Typography';
import { makeStyles, type Theme } from '@material-ui/core/styles';
import RefreshIcon from '@material-ui/icons/Refresh';
import {
  formatInstanceRef,
  getInstanceRefFromEntity,
  PLATFORM_MESH_INSTANCE_ANNOTATION,
  type ClusterRole,
  type ClusterRoleStatus,
  type InstanceRef,
  type InstanceStatus,
} from '@platform-mesh-backstage/plugin-platform-mesh-common';
import {
  DEFAULT_REFRESH_INTERVAL_MS,
  useInstanceStatus,
} from '../hooks/useInstanceStatus';
import { TITLE_AS_HEADING } from './cardHeading';
import { ClusterTopology } from './ClusterTopology';
import { ConditionPipeline } from './ConditionPipeline';
import { DeletionNotice } from './DeletionNotice';
import { DiagnosticsList } from './DiagnosticsList';
import { backendMessage, isForbidden, isNotFound } from './errors';
import { HealthChip } from './HealthChip';
import { NotFoundPanel } from './NotFoundPanel';
import { OperatorLogsDrawer } from './OperatorLogsDrawer';
import { ReleasesTable, releasesTitle } from './ReleasesTable';
import {
  CLUSTER_ROLES,
  diagnosticsComplete,
  isUnread,
  shownOverall,
} from './statusTruth';
import { formatRelative, formatTimestamp } from './time';

const TITLE = 'Platform Mesh';

/**
 * Props of {@link EntityPlatformMeshCard}.
 *
 * @public
 */
export interface PlatformMeshCardProps {
  /** Card title; default "Platform Mesh". */
  title?: string;
  /** Auto-refresh interval in milliseconds; default 15000, 0 turns auto-refresh off. */
  refreshIntervalMs?: number;
  /** Operator log lines per pod shown in the logs drawer; default 50. */
  logTailLines?: number;
}

const useStyles = makeStyles((theme: Theme) => ({
  section: {
    '& + &': {
      marginTop: theme.spacing(3),
    },
  },
  heading: {
    marginBottom: theme.spacing(1),
  },
  headingRow: {
    display: 'flex',
    flexWrap: 'wrap',
    alignItems: 'baseline',
    columnGap: theme.spacing(1),
  },
  source: {
    color: theme.palette.text.secondary,
  },
  subheader: {
    display: 'flex',
    flexWrap: 'wrap',
    gap: theme.spacing(1),
    alignItems: 'baseline',
  },
  ref: {
    fontFamily: 'monospace',
  },
  headerActions: {
    display: 'flex',
    alignItems: 'center',
    gap: theme.spacing(1),
    marginTop: theme.spacing(1),
    marginRight: theme.spacing(1),
  },
  refreshButton: {
    position: 'relative',
  },
  spinner: {
    position: 'absolute',
    top: 4,
    left: 4,
  },
  staleWarning: {
    marginBottom: theme.spacing(2),
  },
}));

/** `from the runtime cluster "runtime", read 1 minute ago`: how old a section's data is. */
function SourceAge(props: { role: ClusterRole; cluster: ClusterRoleStatus }) {
  const { role, cluster } = props;
  const classes = useStyles();
  const ago = formatRelative(cluster.observedAt);
  return (
    <Typography
      variant="caption"
      component="span"
      className={classes.source}
      data-testid={`platform-mesh-source-${role}`}
    >
      from the {role} cluster "{cluster.name}",{' '}
      {ago ? (
        <>
          {isUnread(cluster) ? 'last read ' : 'read '}
          <time
            dateTime={cluster.observedAt}
            title={formatTimestamp(cluster.observedAt)}
          >
            {ago}
          </time>
        </>
      ) : (
        'not read yet'
      )}
    </Typography>
  );
}

function Section(props: {
  id: string;
  title: ReactNode;
  children: ReactNode;
  /** The cluster the section's data comes from, to show how old it is. */
  source?: { role: ClusterRole; cluster: ClusterRoleStatus };
}) {
  const classes = useStyles();
  const headingId = `platform-mesh-${props.id}`;
  return (
    <section className={classes.section} aria-labelledby={headingId}>
      <div className={classes.headingRow}>
        <Typography
          id={headingId}
          variant="subtitle1"
          component="h3"
          className={classes.heading}
        >
          {props.title}
        </Typography>
        {props.source ? <SourceAge {...props.source} /> : null}
      </div>
      {props.children}
    </section>
  );
}

function RefreshButton(props: { refreshing: boolean; onClick: () => void }) {
  const classes = useStyles();
  return (
    <Tooltip title="Refresh now">
      <span className={classes.refreshButton}>
        <IconButton
          aria-label="Refresh"
          size="small"
          onClick={props.onClick}
          aria-busy={props.refreshing}
        >
          <RefreshIcon />
        </IconButton>
        {props.refreshing ? (
          <CircularProgress size={22} className={classes.spinner} aria-hidden />
        ) : null}
      </span>
    </Tooltip>
  );
}

/**
 * How old the data is, per cluster: `observed 1 minute ago` when every cluster was read at about
 * the same time, else `observed: runtime 5 minutes ago · infra just now · operator just now`.
 */
function ObservedAges(props: {
  clusters?: Partial<Record<ClusterRole, ClusterRoleStatus>>;
}) {
  const ages = CLUSTER_ROLES.map(role => {
    const at = props.clusters?.[role]?.observedAt;
    return { role, at, text: formatRelative(at) };
  });
  if (ages.every(a => !a.text)) return <span>· not observed yet</span>;
  const texts = new Set(ages.map(a => a.text));
  if (texts.size === 1) {
    const [{ at, text }] = ages;
    return (
      <span data-testid="platform-mesh-observed">
        · observed{' '}
        <time dateTime={at} title={formatTimestamp(at)}>
          {text}
        </time>
      </span>
    );
  }
  return (
    <span data-testid="platform-mesh-observed">
      · observed:{' '}
      {ages.map((a, i) => (
        <span key={a.role}>
          {i > 0 ? ' · ' : null}
          {a.role}{' '}
          {a.text ? (
            <time dateTime={a.at} title={formatTimestamp(a.at)}>
              {a.text}
            </time>
          ) : (
            'not yet'
          )}
        </span>
      ))}
    </span>
  );
}

function Subheader(props: {
  instanceRef: InstanceRef;
  clusters?: Partial<Record<ClusterRole, ClusterRoleStatus>>;
}) {
  const classes = useStyles();
  const { instanceRef, clusters } = props;
  return (
    <span className={classes.subheader}>
      <span className={classes.ref} data-testid="platform-mesh-instance-ref">
        {formatInstanceRef(instanceRef)}
      </span>
      <ObservedAges clusters={clusters} />
    </span>
  );
}

function StatusBody(props: { status: InstanceStatus }) {
  const { status } = props;
  const technology = status.instance.deploymentTechnology;
  const problems = status.diagnostics.length;
  return (
    <>
      {status.instance.deletion ? (
        <DeletionNotice deletion={status.instance.deletion} />
      ) : null}
      <Section
        id="conditions"
        title="Conditions"
        source={{ role: 'runtime', cluster: status.clusters.runtime }}
      >
        <ConditionPipeline
          conditions={status.conditions}
          generation={status.instance.generation}
          runtime={status.clusters.runtime}
        />
      </Section>
      <Section
        id="diagnostics"
        title={problems ? `Diagnostics (${problems})` : 'Diagnostics'}
      >
        <DiagnosticsList
          diagnostics={status.diagnostics}
          clusters={status.clusters}
          complete={diagnosticsComplete(status)}
        />
      </Section>
      <Section
        id="releases"
        title={releasesTitle(technology)}
        source={{ role: 'infra', cluster: status.clusters.infra }}
      >
        <ReleasesTable
          releases={status.releases}
          deploymentTechnology={technology}
          infra={status.clusters.infra}
        />
      </Section>
      <Section id="clusters" title="Clusters">
        <ClusterTopology
          clusters={status.clusters}
          deploymentTechnology={technology}
          diagnostics={status.diagnostics}
          secrets={status.secrets}
        />
      </Section>
    </>
  );
}

/** The card frame shared by every state, so loading and errors look like the same card. */
function Frame(props: {
  children: ReactNode;
  subheader?: ReactNode;
  action?: ReactNode;
  actions?: ReactNode;
  title?: string;
}) {
  return (
    <InfoCard
      title={props.title ?? TITLE}
      titleTypographyProps={TITLE_AS_HEADING}
      subheader={props.subheader}
      action={props.action}
      actions={props.actions}
    >
      {props.children}
    </InfoCard>
  );
}

/**
 * The status of the entity's Platform Mesh instance (annotation `platform-mesh.io/instance`): the
 * overall health, the condition pipeline, the HelmReleases or Argo CD Applications, the diagnostics
 * with their hints, and the cluster topology. Refreshes on its own and on demand.
 *
 * @public
 */
export function PlatformMeshCard(props: PlatformMeshCardProps) {
  const {
    title,
    refreshIntervalMs = DEFAULT_REFRESH_INTERVAL_MS,
    logTailLines = 50,
  } = props;
  const classes = useStyles();
  const { entity } = useEntity();
  const instanceRef = getInstanceRefFromEntity(entity);
  const { value, error, loading, refreshing, fetchedAt, refresh } =
    useInstanceStatus(instanceRef, { intervalMs: refreshIntervalMs });

  if (!instanceRef) {
    const raw =
      entity.metadata.annotations?.[PLATFORM_MESH_INSTANCE_ANNOTATION];
    return (
      <Frame title={title}>
        <EmptyState
          missing="field"
          title={
            raw === undefined
              ? `No ${PLATFORM_MESH_INSTANCE_ANNOTATION} annotation`
              : `Malformed ${PLATFORM_MESH_INSTANCE_ANNOTATION} annotation`
          }
          description={
            <>
              {raw === undefined ? null : (
                <Typography
                  variant="body2"
                  component="span"
                  display="block"
                  paragraph
                >
                  The value <code>{raw}</code> is not a valid instance
                  reference.
                </Typography>
              )}
              <Typography variant="body2" component="span" display="block">
                Expected the format{' '}
                <code>&lt;target&gt;/&lt;namespace&gt;/&lt;name&gt;</code>, for
                example{' '}
                <code>dev/platform-mesh-system/platform-mesh-sample</code>: the
                target configured under <code>platformMesh.targets</code>, and
                the namespace and name of the PlatformMesh on its runtime
                cluster.
              </Typography>
            </>
          }
        />
      </Frame>
    );
  }

  const refreshAction = (
    <Box className={classes.headerActions}>
      {value && !isForbidden(error) && !isNotFound(error) ? (
        <HealthChip health={shownOverall(value)} />
      ) : null}
      <RefreshButton refreshing={refreshing} onClick={refresh} />
    </Box>
  );
  const subheader = (
    <Subheader instanceRef={instanceRef} clusters={value?.clusters} />
  );
  const refString = formatInstanceRef(instanceRef);

  if (loading) {
    return (
      <Frame title={title} subheader={subheader} action={refreshAction}>
        <Box aria-busy="true" aria-live="polite">
          <Typography variant="body2" color="textSecondary" gutterBottom>
            Loading the status of {refString}…
          </Typography>
          <Progress />
        </Box>
      </Frame>
    );
  }

  if (error && isForbidden(error)) {
    return (
      <Frame title={title} subheader={subheader} action={refreshAction}>
        <WarningPanel
          severity="info"
          defaultExpanded
          title="You lack the platform-mesh.status.read permission"
          message={`You are not allowed to read the status of ${refString}. Ask an administrator to grant you platform-mesh.status.read for this entity.`}
        />
      </Frame>
    );
  }

  if (error && isNotFound(error)) {
    return (
      <Frame title={title} subheader={subheader} action={refreshAction}>
        <NotFoundPanel
          instanceRef={instanceRef}
          message={backendMessage(error)}
        />
      </Frame>
    );
  }

  if (!value) {
    return (
      <Frame title={title} subheader={subheader} action={refreshAction}>
        {error ? (
          <ResponseErrorPanel error={error} />
        ) : (
          <Typography variant="body2">No status.</Typography>
        )}
      </Frame>
    );
  }

  return (
    <Frame
      title={title}
      subheader={subheader}
      action={refreshAction}
      actions={
        <OperatorLogsDrawer
          instanceRef={instanceRef}
          tailLines={logTailLines}
        />
      }
    >
      {error ? (
        <Box className={classes.staleWarning}>
          <WarningPanel
            title="Could not refresh the status"
            message={`${(backendMessage(error) ?? error.message).replace(
              /\.$/,
              '',
            )}. Showing the status received ${
              formatRelative(new Date(fetchedAt ?? Date.now()).toISOString()) ??
              'earlier'
            }.`}
          />
        </Box>
      ) : null}
      <StatusBody status={value} />
    </Frame>
  );
}

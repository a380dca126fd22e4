import { useMemo } from 'react';
import { Table, type TableColumn } from '@backstage/core-components';
import Typography from '@material-ui/core/Typography';
import { makeStyles } from '@material-ui/core/styles';
import type {
  ClusterRoleStatus,
  DeploymentTechnology,
  ReleaseStatus,
} from '@platform-mesh-backstage/plugin-platform-mesh-common';
import { ClusterErrorText } from './ClusterErrorText';
import { HealthStatus } from './HealthStatus';
import { formatAge, formatTimestamp } from './time';

/** Rows beyond which the table pages and offers a search field. */
const PAGE_SIZE = 20;

const useStyles = makeStyles(theme => ({
  secondary: {
    color: theme.palette.text.secondary,
    display: 'block',
  },
  message: {
    wordBreak: 'break-word',
    minWidth: theme.spacing(20),
  },
  error: {
    marginBottom: theme.spacing(1),
  },
}));

type Row = ReleaseStatus & { id: string };

/** Props of {@link ReleasesTable}. */
export interface ReleasesTableProps {
  /** In the backend's order (problems first); the table keeps it. */
  releases: ReleaseStatus[];
  deploymentTechnology: DeploymentTechnology;
  /** The infra cluster, to show why releases are missing when it could not be read. */
  infra?: ClusterRoleStatus;
  /** Reference time for ages (tests); defaults to now. */
  now?: number;
}

/** What the operator deployed: Flux HelmReleases or Argo CD Applications. */
export function releasesTitle(technology: DeploymentTechnology): string {
  return technology === 'argocd' ? 'Argo CD Applications' : 'HelmReleases';
}

/**
 * The HelmReleases (or Argo CD Applications) the operator created for the instance, with health,
 * chart, version, suspension and last transition. The order is the backend's (problems first).
 */
export function ReleasesTable(props: ReleasesTableProps) {
  const { releases, deploymentTechnology, infra, now } = props;
  const classes = useStyles();
  const title = releasesTitle(deploymentTechnology);
  const infraError = infra && (!infra.reachable || infra.error);

  // material-table writes bookkeeping into its row objects: give it copies.
  const rows = useMemo<Row[]>(
    () =>
      releases.map(r => ({ ...r, id: `${r.kind}/${r.namespace}/${r.name}` })),
    [releases],
  );

  const columns = useMemo<TableColumn<Row>[]>(
    () => [
      {
        title: 'Name',
        field: 'name',
        highlight: true,
        render: r => (
          <>
            {r.name}
            <Typography variant="caption" className={classes.secondary}>
              {r.kind} · {r.namespace}
            </Typography>
          </>
        ),
      },
      {
        title: 'Health',
        field: 'health',
        render: r => (
          <>
            <HealthStatus health={r.health} />
            {r.reason ? (
              <Typography variant="caption" className={classes.secondary}>
                {r.reason}
              </Typography>
            ) : null}
          </>
        ),
      },
      { title: 'Chart', field: 'chart', emptyValue: '—' },
      {
        title: 'Version',
        field: 'version',
        render: r => (
          <>
            {r.version ?? '—'}
            {r.appVersion ? (
              <Typography variant="caption" className={classes.secondary}>
                app {r.appVersion}
              </Typography>
            ) : null}
          </>
        ),
      },
      {
        title: 'Suspended',
        field: 'suspended',
        render: r => (r.suspended ? 'Yes' : 'No'),
      },
      {
        title: 'Last transition',
        field: 'lastTransitionTime',
        render: r => {
          const age = formatAge(r.lastTransitionTime, now);
          return age ? (
            <time
              dateTime={r.lastTransitionTime}
              title={formatTimestamp(r.lastTransitionTime)}
            >
              {age} ago
            </time>
          ) : (
            '—'
          );
        },
      },
      {
        title: 'Message',
        field: 'message',
        render: r => (
          <Typography variant="body2" className={classes.message}>
            {r.message ?? '—'}
          </Typography>
        ),
      },
    ],
    [classes, now],
  );

  if (releases.length === 0) {
    if (infraError) {
      return (
        <ClusterErrorText clusterRole="infra" cluster={infra} what={title} />
      );
    }
    return (
      <Typography variant="body2" color="textSecondary">
        The operator has not created any {title} for this instance yet.
      </Typography>
    );
  }

  const many = rows.length > PAGE_SIZE;
  return (
    <>
      {infraError ? (
        <div className={classes.error}>
          <ClusterErrorText clusterRole="infra" cluster={infra} />
        </div>
      ) : null}
      <Table<Row>
        title={`${rows.length} ${title}`}
        columns={columns}
        data={rows}
        options={{
          padding: 'dense',
          paging: many,
          pageSize: PAGE_SIZE,
          pageSizeOptions: [PAGE_SIZE, 50, 100],
          search: many,
          toolbar: many,
          sorting: false,
          draggable: false,
          emptyRowsWhenPaging: false,
        }}
        localization={{ body: { emptyDataSourceMessage: `No ${title}` } }}
      />
    </>
  );
}

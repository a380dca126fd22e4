import { Fragment, useMemo, type ReactNode } from 'react';
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
  // Versions such as `v1.3.0@sha1:<40 hex>` are one long word: they wrap after `+`, `@` and `:`
  // (see `breakable`) and anywhere as a last resort, rather than widen the column.
  version: {
    display: 'block',
    overflowWrap: 'anywhere',
  },
  suspended: {
    display: 'block',
    fontWeight: theme.typography.fontWeightMedium as number,
  },
  message: {
    overflowWrap: 'anywhere',
  },
  // messages of healthy releases ("Helm install succeeded ...") recede; problems stand out
  quietMessage: {
    overflowWrap: 'anywhere',
    color: theme.palette.text.secondary,
  },
  error: {
    marginBottom: theme.spacing(1),
  },
}));

/**
 * The card sits in the main column of the entity overview (about two thirds of the page), so the
 * table gets 450-1100 px. The theme breaks table cells anywhere (`word-break: break-word`), which
 * squeezes short columns into "Heal/thy"; here words stay whole, cells are padded less, and the
 * message column takes the rest.
 */
const CELL_STYLE = {
  wordBreak: 'normal',
  overflowWrap: 'break-word',
  paddingLeft: 8,
  paddingRight: 8,
  verticalAlign: 'top',
} as const;
const NOWRAP_STYLE = { ...CELL_STYLE, whiteSpace: 'nowrap' } as const;

type Row = ReleaseStatus & { id: string };

/** Lets a version such as `1.18.2+d022b642f4d0` or `v1.3.0@sha1:d8f3...` wrap after `+`, `@`, `:`. */
function breakable(text: string): ReactNode {
  const parts = (text.match(/[^+@:]*[+@:]?/g) ?? []).filter(Boolean);
  return parts.map((part, i) => (
    <Fragment key={i}>
      {i > 0 ? <wbr /> : null}
      {part}
    </Fragment>
  ));
}

/** Props of {@link ReleasesTable}. */
interface ReleasesTableProps {
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
 * The HelmReleases (or Argo CD Applications) the operator created for the instance, with health
 * (and suspension), chart and version, last transition and message. The order is the backend's
 * (problems first).
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

  // Five columns (name, health, chart and version, last transition, message) fit the card from
  // about 700 px on; below that the table scrolls sideways. Suspension is shown in the health
  // cell, only when a release is suspended.
  const columns = useMemo<TableColumn<Row>[]>(
    () => [
      {
        title: 'Name',
        field: 'name',
        highlight: true,
        width: '20%',
        cellStyle: { ...CELL_STYLE, paddingLeft: 16 },
        headerStyle: { ...CELL_STYLE, paddingLeft: 16 },
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
        width: '18%',
        cellStyle: CELL_STYLE,
        headerStyle: CELL_STYLE,
        render: r => (
          <>
            <HealthStatus health={r.health} />
            {r.reason ? (
              <Typography variant="caption" className={classes.secondary}>
                {r.reason}
              </Typography>
            ) : null}
            {r.suspended && r.health !== 'suspended' ? (
              <Typography variant="caption" className={classes.suspended}>
                Suspended
              </Typography>
            ) : null}
          </>
        ),
      },
      {
        title: 'Chart',
        field: 'chart',
        width: '20%',
        // room for a 12-digit build hash (`+d022b642f4d0`) on one line
        cellStyle: { ...CELL_STYLE, minWidth: 112 },
        headerStyle: CELL_STYLE,
        render: r => (
          <>
            {r.chart ?? '—'}
            <Typography
              variant="caption"
              className={classes.version}
              title={r.version}
            >
              {r.version ? breakable(r.version) : 'no version'}
            </Typography>
            {r.appVersion ? (
              <Typography variant="caption" className={classes.secondary}>
                app {r.appVersion}
              </Typography>
            ) : null}
            {r.revision ? (
              <Typography variant="caption" className={classes.secondary}>
                revision {r.revision}
              </Typography>
            ) : null}
          </>
        ),
      },
      {
        title: 'Last transition',
        field: 'lastTransitionTime',
        width: '12%',
        cellStyle: NOWRAP_STYLE,
        headerStyle: CELL_STYLE,
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
        width: '30%',
        cellStyle: { ...CELL_STYLE, minWidth: 200, paddingRight: 16 },
        headerStyle: { ...CELL_STYLE, paddingRight: 16 },
        render: r => (
          <Typography
            variant="body2"
            className={
              r.health === 'healthy' ? classes.quietMessage : classes.message
            }
          >
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

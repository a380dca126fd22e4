import type { ComponentType, PropsWithChildren } from 'react';
import { StatusError, StatusWarning } from '@backstage/core-components';
import Typography from '@material-ui/core/Typography';
import { makeStyles, type Theme } from '@material-ui/core/styles';
import InfoOutlined from '@material-ui/icons/InfoOutlined';
import type {
  ClusterRole,
  ClusterRoleStatus,
  Diagnostic,
  DiagnosticSeverity,
} from '@platform-mesh-backstage/plugin-platform-mesh-common';
import { SEVERITY_LABELS, severityColor } from './healthStyle';
import { unreadRoles } from './statusTruth';

const SEVERITY_ORDER: DiagnosticSeverity[] = ['error', 'warning', 'info'];

const useStyles = makeStyles((theme: Theme) => ({
  list: {
    listStyle: 'none',
    margin: 0,
    padding: 0,
  },
  item: {
    padding: theme.spacing(1, 0),
    '& + &': {
      borderTop: `1px solid ${theme.palette.divider}`,
    },
  },
  header: {
    display: 'flex',
    flexWrap: 'wrap',
    alignItems: 'baseline',
    gap: theme.spacing(1),
  },
  severity: {
    display: 'inline-flex',
    alignItems: 'baseline',
    fontWeight: theme.typography.fontWeightMedium as number,
    minWidth: theme.spacing(10),
  },
  infoIcon: {
    color: severityColor(theme, 'info'),
    width: '0.8em',
    height: '0.8em',
    position: 'relative',
    top: '0.125em',
    marginRight: theme.spacing(1),
  },
  summary: {
    fontWeight: theme.typography.fontWeightBold as number,
  },
  where: {
    color: theme.palette.text.secondary,
  },
  detail: {
    wordBreak: 'break-word',
  },
  hint: {
    wordBreak: 'break-word',
    marginTop: theme.spacing(0.5),
    paddingLeft: theme.spacing(1),
    borderLeft: `2px solid ${theme.palette.divider}`,
  },
}));

function InfoStatus() {
  const classes = useStyles();
  return <InfoOutlined className={classes.infoIcon} aria-hidden />;
}

const SEVERITY_ICONS: Record<
  DiagnosticSeverity,
  ComponentType<PropsWithChildren<{}>>
> = {
  error: StatusError,
  warning: StatusWarning,
  info: InfoStatus,
};

/** Severity as icon plus text (the icon is decorative). */
function SeverityLabel(props: { severity: DiagnosticSeverity }) {
  const classes = useStyles();
  const Icon = SEVERITY_ICONS[props.severity];
  return (
    <span className={classes.severity} data-severity={props.severity}>
      <Icon />
      <span>{SEVERITY_LABELS[props.severity]}</span>
    </span>
  );
}

/** Props of {@link DiagnosticsList}. */
interface DiagnosticsListProps {
  diagnostics: Diagnostic[];
  /** The clusters, to say which checks could not run because a cluster could not be read. */
  clusters?: Partial<Record<ClusterRole, ClusterRoleStatus>>;
  /**
   * The diagnostics ran on complete data (see `diagnosticsComplete`); default: every cluster in
   * `clusters` was read. "No problems found" is only said when true.
   */
  complete?: boolean;
}

/** The diagnostics' findings, errors first, each with what is wrong, where, and what to do. */
export function DiagnosticsList(props: DiagnosticsListProps) {
  const { diagnostics, clusters = {} } = props;
  const classes = useStyles();
  const unread = unreadRoles(clusters);
  const complete = props.complete ?? unread.length === 0;
  const skipped = unread.length ? (
    <Typography variant="body2" color="textSecondary">
      Checks on the {unread.join(' and ')} cluster{unread.length > 1 ? 's' : ''}{' '}
      could not run: {unread.length > 1 ? 'they' : 'it'} could not be read.
    </Typography>
  ) : null;

  if (diagnostics.length === 0) {
    return (
      <>
        {complete ? (
          <Typography variant="body2">No problems found.</Typography>
        ) : (
          <Typography variant="body2" data-testid="diagnostics-incomplete">
            The checks could not run completely; nothing was found in what could
            be read.
          </Typography>
        )}
        {skipped}
      </>
    );
  }

  const incomplete = complete ? null : (
    <Typography
      variant="body2"
      color="textSecondary"
      data-testid="diagnostics-incomplete"
    >
      The checks could not run completely: problems where the data could not be
      read are not listed.
    </Typography>
  );

  const sorted = [...diagnostics].sort(
    (a, b) =>
      SEVERITY_ORDER.indexOf(a.severity) - SEVERITY_ORDER.indexOf(b.severity),
  );
  return (
    <>
      <ul className={classes.list} aria-label="Diagnostics">
        {sorted.map((d, index) => (
          <li
            key={`${d.id}-${index}`}
            className={classes.item}
            data-diagnostic={d.id}
          >
            <div className={classes.header}>
              <SeverityLabel severity={d.severity} />
              <Typography
                component="span"
                variant="body2"
                className={classes.summary}
              >
                {d.summary}
              </Typography>
            </div>
            <Typography
              variant="caption"
              component="div"
              className={classes.where}
            >
              {d.cluster} cluster · {d.id}
            </Typography>
            <Typography variant="body2" className={classes.detail}>
              {d.detail}
            </Typography>
            <Typography variant="body2" className={classes.hint}>
              <strong>How to fix: </strong>
              {d.hint}
            </Typography>
          </li>
        ))}
      </ul>
      {skipped}
      {incomplete}
    </>
  );
}

import Typography from '@material-ui/core/Typography';
import { makeStyles, type Theme } from '@material-ui/core/styles';
import type {
  ClusterRole,
  ClusterRoleStatus,
  DeploymentTechnology,
  Diagnostic,
  DiagnosticId,
  Health,
  SecretStatus,
} from '@platform-mesh-backstage/plugin-platform-mesh-common';
import { clusterErrorText } from './ClusterErrorText';
import { HealthStatus } from './HealthStatus';
import { HEALTH_VALUES, healthColor } from './healthStyle';
import { formatRelative, formatTimestamp } from './time';

const ROLES: ClusterRole[] = ['operator', 'runtime', 'infra'];

const ROLE_TITLES: Record<ClusterRole, string> = {
  operator: 'Operator',
  runtime: 'Runtime',
  infra: 'Infra',
};

const ROLE_PURPOSE: Record<ClusterRole, string> = {
  operator: 'runs the Platform Mesh operator',
  runtime: 'holds the PlatformMesh and runs what it deploys',
  infra: 'holds the Flux or Argo CD objects',
};

interface Link {
  from: ClusterRole;
  to: ClusterRole;
  via: string;
  /** Diagnostics that, when present, mean this link is broken. */
  diagnostics: DiagnosticId[];
  /** The Secrets the link goes through: missing, or without their key, the link is broken. */
  secrets: (s: SecretStatus) => boolean;
}

function links(technology: DeploymentTechnology): Link[] {
  return [
    {
      from: 'operator',
      to: 'runtime',
      via: 'runtime kubeconfig Secret mounted by the operator',
      diagnostics: ['operator-kubeconfig-secret', 'not-reconciled'],
      secrets: s =>
        s.role === 'operator' && /^runtime kubeconfig/.test(s.purpose),
    },
    {
      from: 'operator',
      to: 'infra',
      via: 'infra kubeconfig Secret mounted by the operator',
      diagnostics: ['infra-kubeconfig-secret'],
      secrets: s =>
        s.role === 'operator' && /^infra kubeconfig/.test(s.purpose),
    },
    technology === 'argocd'
      ? {
          from: 'infra',
          to: 'runtime',
          via: 'Argo CD cluster Secret and Application destination',
          diagnostics: ['argocd-destination'],
          secrets: s => s.role === 'infra',
        }
      : {
          from: 'infra',
          to: 'runtime',
          via: 'Flux HelmRelease spec.kubeConfig Secret',
          diagnostics: [
            'flux-kubeconfig-secret',
            'helmrelease-missing-kubeconfig',
            'release-kubeconfig-error',
          ],
          secrets: s => s.role === 'infra',
        },
  ];
}

const useStyles = makeStyles((theme: Theme) => ({
  nodes: {
    listStyle: 'none',
    margin: 0,
    padding: 0,
    display: 'grid',
    gridTemplateColumns: 'repeat(auto-fit, minmax(180px, 1fr))',
    gap: theme.spacing(1),
  },
  node: {
    border: `1px solid ${theme.palette.divider}`,
    borderTop: `4px solid ${theme.palette.divider}`,
    borderRadius: theme.shape.borderRadius,
    padding: theme.spacing(1),
    minWidth: 0,
  },
  role: {
    fontWeight: theme.typography.fontWeightBold as number,
  },
  secondary: {
    color: theme.palette.text.secondary,
  },
  error: {
    wordBreak: 'break-word',
  },
  links: {
    listStyle: 'none',
    margin: theme.spacing(1, 0, 0),
    padding: 0,
  },
  // two columns, so that a long status ("Broken: ...") wraps under itself, not under the arrow
  link: {
    display: 'grid',
    gridTemplateColumns: `${theme.spacing(18)}px minmax(0, 1fr)`,
    columnGap: theme.spacing(1),
    alignItems: 'baseline',
    padding: theme.spacing(0.5, 0),
  },
  arrow: {
    fontFamily: theme.typography.fontFamily,
    fontWeight: theme.typography.fontWeightMedium as number,
  },
  linkStatus: {
    display: 'flex',
    flexWrap: 'wrap',
    alignItems: 'baseline',
    columnGap: theme.spacing(1),
  },
  secrets: {
    margin: theme.spacing(0.5, 0, 0),
    paddingLeft: theme.spacing(2),
  },
}));

/** The node's top border takes its health colour; the label next to it says the same in words. */
const useAccentStyles = makeStyles((theme: Theme) =>
  Object.fromEntries(
    HEALTH_VALUES.map(health => [
      health,
      { borderTopColor: healthColor(theme, health) },
    ]),
  ),
);

function nodeHealth(cluster: ClusterRoleStatus): {
  health: Health;
  label: string;
} {
  if (!cluster.reachable) return { health: 'failed', label: 'Unreachable' };
  if (cluster.error) return { health: 'degraded', label: 'Partly readable' };
  return { health: 'healthy', label: 'Reachable' };
}

function secretText(s: SecretStatus): { health: Health; text: string } {
  const where = `Secret ${s.namespace}/${s.name}`;
  if (!s.present) return { health: 'failed', text: `${where}: missing` };
  if (!s.keyPresent)
    return { health: 'failed', text: `${where}: no key ${s.key}` };
  return { health: 'healthy', text: `${where}: present` };
}

/** `read 1 minute ago` / `last read 12 minutes ago` (unreachable): how old this cluster's data is. */
function ReadAge(props: { cluster: ClusterRoleStatus }) {
  const { cluster } = props;
  const classes = useStyles();
  const ago = formatRelative(cluster.observedAt);
  const current = cluster.reachable && !cluster.error;
  return (
    <Typography
      variant="caption"
      component="div"
      className={classes.secondary}
      data-testid={`read-age-${cluster.name}`}
    >
      {ago ? (
        <>
          {current ? 'read ' : 'last read '}
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

function ClusterNode(props: {
  role: ClusterRole;
  cluster: ClusterRoleStatus;
  secrets: SecretStatus[];
  sameAs?: ClusterRole[];
}) {
  const { role, cluster, secrets, sameAs } = props;
  const classes = useStyles();
  const { health, label } = nodeHealth(cluster);
  const accent = useAccentStyles();
  return (
    <li
      className={`${classes.node} ${accent[health]}`}
      aria-label={`${ROLE_TITLES[role]} cluster ${cluster.name}: ${label}`}
      data-role={role}
    >
      <Typography variant="body2" className={classes.role}>
        {ROLE_TITLES[role]}{' '}
        <Typography
          component="span"
          variant="body2"
          className={classes.secondary}
        >
          {cluster.name}
        </Typography>
      </Typography>
      <Typography
        variant="caption"
        component="div"
        className={classes.secondary}
      >
        {ROLE_PURPOSE[role]}
        {sameAs?.length ? ` (same cluster as ${sameAs.join(', ')})` : ''}
      </Typography>
      <HealthStatus health={health} label={label} />
      <ReadAge cluster={cluster} />
      {cluster.error ? (
        <Typography variant="body2" color="error" className={classes.error}>
          {clusterErrorText(role, cluster)}
        </Typography>
      ) : null}
      {secrets.length ? (
        <ul
          className={classes.secrets}
          aria-label={`Secrets on the ${role} cluster`}
        >
          {secrets.map(s => {
            const { health: secretHealth, text } = secretText(s);
            return (
              <li key={`${s.namespace}/${s.name}/${s.key}`} title={s.purpose}>
                <HealthStatus health={secretHealth} label={text} />
              </li>
            );
          })}
        </ul>
      ) : null}
    </li>
  );
}

/** Props of {@link ClusterTopology}. */
interface ClusterTopologyProps {
  clusters: Record<ClusterRole, ClusterRoleStatus>;
  deploymentTechnology: DeploymentTechnology;
  diagnostics: Diagnostic[];
  secrets: SecretStatus[];
}

/**
 * The three cluster roles with their reachability and typed errors, and the three connections of a
 * remote setup (operator → runtime, operator → infra, infra → runtime) with whether the
 * diagnostics found them broken.
 */
export function ClusterTopology(props: ClusterTopologyProps) {
  const { clusters, deploymentTechnology, diagnostics, secrets } = props;
  const classes = useStyles();
  const operatorIsInfra = clusters.operator.name === clusters.infra.name;

  return (
    <>
      <ul className={classes.nodes} aria-label="Clusters">
        {ROLES.map(role => (
          <ClusterNode
            key={role}
            role={role}
            cluster={clusters[role]}
            secrets={secrets.filter(s => s.role === role)}
            sameAs={ROLES.filter(
              other =>
                other !== role && clusters[other].name === clusters[role].name,
            )}
          />
        ))}
      </ul>
      <ul className={classes.links} aria-label="Connections">
        {links(deploymentTechnology).map(link => {
          const name = `${link.from} → ${link.to}`;
          const found = diagnostics.filter(d =>
            link.diagnostics.includes(d.id),
          );
          const brokenSecrets = secrets
            .filter(link.secrets)
            .filter(s => !s.present || !s.keyPresent);
          const unread = [link.from, link.to].filter(
            role => !clusters[role].reachable || clusters[role].error,
          );
          let health: Health;
          let label: string;
          if (
            link.from === 'operator' &&
            link.to === 'infra' &&
            operatorIsInfra
          ) {
            health = 'healthy';
            label = 'same cluster';
          } else if (
            found.some(d => d.severity === 'error') ||
            brokenSecrets.length
          ) {
            health = 'failed';
            const reasons = [
              ...found.map(d => d.summary),
              // a Secret the diagnostics already name is not repeated
              ...brokenSecrets
                .filter(
                  secret => !found.some(d => d.summary.includes(secret.name)),
                )
                .map(secret => secretText(secret).text),
            ];
            label = `Broken: ${reasons.join('; ')}`;
          } else if (found.length) {
            health = 'degraded';
            label = `Check: ${found.map(d => d.summary).join('; ')}`;
          } else if (unread.length) {
            health = 'unknown';
            label = `Not checked: ${unread.join(' and ')} could not be read`;
          } else {
            health = 'healthy';
            label = 'OK';
          }
          return (
            <li key={name} className={classes.link} data-link={name}>
              <span className={classes.arrow}>{name}</span>
              <span className={classes.linkStatus}>
                <HealthStatus health={health} label={label} />
                <Typography variant="caption" className={classes.secondary}>
                  via {link.via}
                </Typography>
              </span>
            </li>
          );
        })}
      </ul>
    </>
  );
}

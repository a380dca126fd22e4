import Typography from '@material-ui/core/Typography';
import type {
  ClusterRole,
  ClusterRoleStatus,
} from '@platform-mesh-backstage/plugin-platform-mesh-common';

/** `infra: forbidden — helmreleases.helm.toolkit.fluxcd.io is forbidden for …` */
export function clusterErrorText(
  role: ClusterRole,
  cluster: ClusterRoleStatus,
): string {
  if (!cluster.error) return `${role}: unreachable`;
  return `${role}: ${cluster.error.type} — ${cluster.error.message}`;
}

/** Props of {@link ClusterErrorText}. */
interface ClusterErrorTextProps {
  clusterRole: ClusterRole;
  cluster: ClusterRoleStatus;
  /** What could not be shown because of the error, e.g. "HelmReleases". */
  what?: string;
}

/**
 * A per-cluster error in the place where its data would be, e.g. "HelmReleases could not be read
 * from the infra cluster "infra": unreachable — …".
 */
export function ClusterErrorText(props: ClusterErrorTextProps) {
  const { clusterRole: role, cluster, what } = props;
  return (
    <Typography variant="body2" color="error">
      {what
        ? `${what} could not be read from the ${role} cluster "${cluster.name}". `
        : null}
      {clusterErrorText(role, cluster)}
    </Typography>
  );
}

import type { ComponentType, PropsWithChildren } from 'react';
import {
  StatusAborted,
  StatusError,
  StatusOK,
  StatusPending,
  StatusRunning,
  StatusWarning,
} from '@backstage/core-components';
import { makeStyles } from '@material-ui/core/styles';
import type { Health } from '@platform-mesh-backstage/plugin-platform-mesh-common';
import { HEALTH_LABELS } from './healthStyle';

const STATUS_ICONS: Record<Health, ComponentType<PropsWithChildren<{}>>> = {
  healthy: StatusOK,
  progressing: StatusRunning,
  degraded: StatusWarning,
  failed: StatusError,
  suspended: StatusAborted,
  unknown: StatusPending,
};

const useStyles = makeStyles(theme => ({
  root: {
    display: 'inline-flex',
    alignItems: 'baseline',
    fontWeight: theme.typography.fontWeightMedium as number,
  },
}));

/** Props of {@link HealthStatus}. */
interface HealthStatusProps {
  health: Health;
  /** Text next to the icon; defaults to the health's name (e.g. "Failed"). */
  label?: string;
}

/**
 * A health value as a coloured status icon plus text. The icon is decorative (hidden from
 * assistive technology); the text carries the meaning, so nothing is conveyed by colour alone.
 */
export function HealthStatus(props: HealthStatusProps) {
  const { health, label = HEALTH_LABELS[health] } = props;
  const classes = useStyles();
  const Icon = STATUS_ICONS[health];
  return (
    <span className={classes.root} data-health={health}>
      <Icon />
      <span>{label}</span>
    </span>
  );
}

import Chip from '@material-ui/core/Chip';
import { makeStyles, type Theme } from '@material-ui/core/styles';
import type { CSSProperties } from '@material-ui/core/styles/withStyles';
import CheckCircleOutline from '@material-ui/icons/CheckCircleOutline';
import ErrorOutline from '@material-ui/icons/ErrorOutline';
import HelpOutline from '@material-ui/icons/HelpOutline';
import PauseCircleOutline from '@material-ui/icons/PauseCircleOutline';
import ReportProblemOutlined from '@material-ui/icons/ReportProblemOutlined';
import Autorenew from '@material-ui/icons/Autorenew';
import type { Health } from '@platform-mesh-backstage/plugin-platform-mesh-common';
import {
  HEALTH_LABELS,
  HEALTH_VALUES,
  healthColor,
  readableTextOn,
} from './healthStyle';

const ICONS: Record<Health, typeof CheckCircleOutline> = {
  healthy: CheckCircleOutline,
  progressing: Autorenew,
  degraded: ReportProblemOutlined,
  failed: ErrorOutline,
  suspended: PauseCircleOutline,
  unknown: HelpOutline,
};

/** One static rule per health value: background from the theme, text in black or white, whichever reads better. */
const useStyles = makeStyles((theme: Theme) => {
  const rules: Record<string, CSSProperties> = {
    chip: { fontWeight: theme.typography.fontWeightBold as number },
  };
  for (const health of HEALTH_VALUES) {
    const background = healthColor(theme, health);
    const color = readableTextOn(background);
    rules[health] = {
      backgroundColor: background,
      color,
      '& svg': { color },
    };
  }
  return rules;
});

/** Props of {@link HealthChip}. */
interface HealthChipProps {
  health: Health;
  /** What the health is of, for screen readers; default "Overall health". */
  subject?: string;
  size?: 'small' | 'medium';
  /** The health's name as shown (translated); default the English name. */
  label?: string;
  /** The accessible name; default `<subject>: <label>`. */
  ariaLabel?: string;
}

/** A health value as a coloured chip with an icon and its name (colour is never the only cue). */
export function HealthChip(props: HealthChipProps) {
  const {
    health,
    subject = 'Overall health',
    size = 'medium',
    label = HEALTH_LABELS[health],
    ariaLabel = `${subject}: ${label}`,
  } = props;
  const classes = useStyles();
  const Icon = ICONS[health];
  return (
    <Chip
      role="status"
      aria-label={ariaLabel}
      className={`${classes.chip} ${classes[health]}`}
      icon={<Icon aria-hidden />}
      label={label}
      size={size}
      data-health={health}
    />
  );
}

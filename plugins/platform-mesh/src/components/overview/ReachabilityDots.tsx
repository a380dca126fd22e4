import Tooltip from '@material-ui/core/Tooltip';
import Typography from '@material-ui/core/Typography';
import { makeStyles, type Theme } from '@material-ui/core/styles';
import { healthColor } from '../healthStyle';
import { usePlatformMeshText } from '../../i18n/useFormatters';
import type { Reachability } from './overviewSummary';

const useStyles = makeStyles((theme: Theme) => ({
  list: {
    display: 'flex',
    flexWrap: 'wrap',
    gap: theme.spacing(2),
    listStyle: 'none',
    margin: 0,
    padding: 0,
  },
  item: {
    display: 'inline-flex',
    alignItems: 'center',
    gap: theme.spacing(0.75),
  },
  dot: {
    display: 'inline-block',
    width: 12,
    height: 12,
    borderRadius: '50%',
    flexShrink: 0,
    // a ring keeps the dot visible on any background (non-text contrast)
    boxShadow: `0 0 0 1px ${theme.palette.text.secondary}`,
  },
  reachable: { backgroundColor: healthColor(theme, 'healthy') },
  unreachable: { backgroundColor: healthColor(theme, 'failed') },
  error: { backgroundColor: healthColor(theme, 'degraded') },
  // the state in words: a hollow dot for "unreachable" is not enough on its own
  state: {
    color: theme.palette.text.secondary,
  },
}));

/**
 * Three dots, operator, runtime and infra, coloured by whether the backend could read that
 * cluster; each with its role and its state in words, and the cluster's name for screen readers
 * and as a tooltip.
 */
export function ReachabilityDots(props: { clusters: Reachability[] }) {
  const classes = useStyles();
  const { t } = usePlatformMeshText();
  return (
    <ul className={classes.list} aria-label={t('reachability.label')}>
      {props.clusters.map(c => {
        const role = t(`roles.${c.role}`);
        const state = {
          reachable: t('reachability.reachable'),
          unreachable: t('reachability.unreachable'),
          error: t('reachability.readError'),
        }[c.state];
        const label = t('reachability.item', { role, name: c.name, state });
        return (
          <Tooltip key={c.role} title={label}>
            <li
              className={classes.item}
              aria-label={label}
              data-role={c.role}
              data-state={c.state}
            >
              <span className={`${classes.dot} ${classes[c.state]}`} aria-hidden />
              <Typography variant="body2" component="span" aria-hidden>
                {role}
                {c.state === 'reachable' ? null : (
                  <span className={classes.state}> ({state})</span>
                )}
              </Typography>
            </li>
          </Tooltip>
        );
      })}
    </ul>
  );
}

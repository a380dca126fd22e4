import Typography from '@material-ui/core/Typography';
import { makeStyles, type Theme } from '@material-ui/core/styles';
import { HealthStatus } from '../HealthStatus';
import { usePlatformMeshText } from '../../i18n/useFormatters';
import type { OverviewSummary } from './overviewSummary';

const useStyles = makeStyles((theme: Theme) => ({
  counts: {
    display: 'flex',
    flexWrap: 'wrap',
    columnGap: theme.spacing(2),
    rowGap: theme.spacing(0.5),
    listStyle: 'none',
    margin: 0,
    padding: 0,
  },
  worst: {
    listStyle: 'none',
    margin: theme.spacing(1, 0, 0),
    padding: 0,
  },
  worstItem: {
    overflowWrap: 'anywhere',
    '& + &': { marginTop: theme.spacing(0.5) },
  },
  name: {
    fontWeight: theme.typography.fontWeightBold as number,
  },
  reason: {
    color: theme.palette.text.secondary,
  },
}));

/** Release counts by health (worst first) and the worst releases by name with their reason. */
export function ReleaseSummary(props: { summary: OverviewSummary }) {
  const { summary } = props;
  const classes = useStyles();
  const { t } = usePlatformMeshText();
  if (!summary.releasesRead) {
    return (
      <Typography variant="body2" color="textSecondary">
        {t('releases.notRead')}
      </Typography>
    );
  }
  if (summary.releaseTotal === 0) {
    return (
      <Typography variant="body2" color="textSecondary">
        {t('releases.none')}
      </Typography>
    );
  }
  return (
    <>
      <ul
        className={classes.counts}
        aria-label={t('releases.count', { count: summary.releaseTotal })}
        data-testid="platform-mesh-release-counts"
      >
        {summary.releaseCounts.map(({ health, count }) => (
          <li key={health} data-health={health}>
            <HealthStatus
              health={health}
              label={t('releases.countByHealth', {
                count,
                health: t(`health.${health}`),
              })}
            />
          </li>
        ))}
      </ul>
      {summary.worstReleases.length ? (
        <ul className={classes.worst} aria-label={t('releases.worstLabel')}>
          {summary.worstReleases.map(r => (
            <li
              key={`${r.kind}/${r.namespace}/${r.name}`}
              className={classes.worstItem}
              data-release={r.name}
            >
              <Typography variant="body2" component="span">
                <span className={classes.name}>{r.name}</span>{' '}
                <span className={classes.reason}>
                  {t(`health.${r.health}`)}
                  {r.reason ? ` · ${r.reason}` : ''}
                </span>
              </Typography>
            </li>
          ))}
          {summary.moreWorst ? (
            <li className={classes.worstItem}>
              <Typography variant="body2" color="textSecondary">
                {t('releases.moreWorst', { count: summary.moreWorst })}
              </Typography>
            </li>
          ) : null}
        </ul>
      ) : null}
    </>
  );
}

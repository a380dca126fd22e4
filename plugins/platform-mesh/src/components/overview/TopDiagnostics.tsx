import Typography from '@material-ui/core/Typography';
import { makeStyles, type Theme } from '@material-ui/core/styles';
import { severityColor } from '../healthStyle';
import { usePlatformMeshText } from '../../i18n/useFormatters';
import type { OverviewSummary } from './overviewSummary';

const useStyles = makeStyles((theme: Theme) => ({
  list: {
    listStyle: 'none',
    margin: 0,
    padding: 0,
  },
  item: {
    paddingLeft: theme.spacing(1),
    borderLeft: `3px solid ${theme.palette.divider}`,
    overflowWrap: 'anywhere',
    '& + &': { marginTop: theme.spacing(1) },
  },
  error: { borderLeftColor: severityColor(theme, 'error') },
  warning: { borderLeftColor: severityColor(theme, 'warning') },
  info: { borderLeftColor: severityColor(theme, 'info') },
  summary: {
    fontWeight: theme.typography.fontWeightBold as number,
  },
  hint: {
    display: '-webkit-box',
    WebkitLineClamp: 3,
    WebkitBoxOrient: 'vertical',
    overflow: 'hidden',
  },
}));

/**
 * The most severe diagnostics (errors first) with their hint; "No problems found" only when the
 * checks ran on complete data.
 */
export function TopDiagnostics(props: { summary: OverviewSummary }) {
  const { summary } = props;
  const classes = useStyles();
  const { t } = usePlatformMeshText();
  if (summary.topDiagnostics.length === 0) {
    return (
      <Typography variant="body2" data-testid="platform-mesh-overview-no-diagnostics">
        {summary.diagnosticsComplete
          ? t('diagnostics.none')
          : t('diagnostics.incomplete')}
      </Typography>
    );
  }
  return (
    <>
      <ul className={classes.list} aria-label={t('diagnostics.heading')}>
        {summary.topDiagnostics.map((d, index) => (
          <li
            key={`${d.id}-${index}`}
            className={`${classes.item} ${classes[d.severity]}`}
            data-diagnostic={d.id}
          >
            <Typography variant="body2" className={classes.summary}>
              {t(`diagnostics.severity.${d.severity}`)}: {d.summary}
            </Typography>
            <Typography variant="body2" className={classes.hint} title={d.hint}>
              <strong>{t('diagnostics.hint')} </strong>
              {d.hint}
            </Typography>
          </li>
        ))}
      </ul>
      {summary.moreDiagnostics ? (
        <Typography variant="body2" color="textSecondary">
          {t('diagnostics.more', { count: summary.moreDiagnostics })}
        </Typography>
      ) : null}
    </>
  );
}

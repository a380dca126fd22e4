import Typography from '@material-ui/core/Typography';
import { makeStyles, type Theme } from '@material-ui/core/styles';
import { HealthStatus } from '../HealthStatus';
import { usePlatformMeshText } from '../../i18n/useFormatters';
import type { PipelineSummary } from './overviewSummary';

const useStyles = makeStyles((theme: Theme) => ({
  message: {
    overflowWrap: 'anywhere',
    marginTop: theme.spacing(0.5),
    // two lines at most on the overview; the tab shows it whole
    display: '-webkit-box',
    WebkitLineClamp: 3,
    WebkitBoxOrient: 'vertical',
    overflow: 'hidden',
  },
}));

/**
 * The pipeline in one line: the blocking step with its health and message, or that every step is
 * complete (only when the conditions are current and Ready is True), or why it cannot be said.
 */
export function PipelineLine(props: { pipeline: PipelineSummary }) {
  const { pipeline } = props;
  const classes = useStyles();
  const { t } = usePlatformMeshText();
  switch (pipeline.kind) {
    case 'blocked': {
      const c = pipeline.condition;
      return (
        <div data-testid="platform-mesh-overview-blocking" data-step={c.step}>
          <HealthStatus
            health={c.health}
            label={`${t('blocking.blockedAt', { step: c.step })}${
              c.reason ? ` · ${c.reason}` : ''
            }`}
          />
          {c.message ? (
            <Typography
              variant="body2"
              className={classes.message}
              title={c.message}
            >
              {c.message}
            </Typography>
          ) : null}
        </div>
      );
    }
    case 'done':
      return (
        <HealthStatus health="healthy" label={t('blocking.allDone')} />
      );
    case 'not-current':
      return (
        <HealthStatus health="unknown" label={t('blocking.notCurrent')} />
      );
    case 'no-conditions':
      return (
        <HealthStatus health="unknown" label={t('blocking.noConditions')} />
      );
    default:
      return <HealthStatus health="unknown" label={t('blocking.waiting')} />;
  }
}

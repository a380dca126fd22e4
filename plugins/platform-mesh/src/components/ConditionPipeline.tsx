import Chip from '@material-ui/core/Chip';
import Tooltip from '@material-ui/core/Tooltip';
import Typography from '@material-ui/core/Typography';
import { makeStyles, type Theme } from '@material-ui/core/styles';
import type {
  ClusterRoleStatus,
  ConditionStatus,
} from '@platform-mesh-backstage/plugin-platform-mesh-common';
import { ClusterErrorText, clusterErrorText } from './ClusterErrorText';
import { HealthStatus } from './HealthStatus';
import {
  blockingStepColors,
  HEALTH_LABELS,
  HEALTH_VALUES,
} from './healthStyle';
import { conditionsNotCurrent } from './statusTruth';
import { formatAge, formatRelative, formatTimestamp } from './time';

const useStyles = makeStyles((theme: Theme) => ({
  list: {
    listStyle: 'none',
    margin: 0,
    padding: 0,
    counterReset: 'step',
  },
  step: {
    position: 'relative',
    padding: theme.spacing(1, 1.5, 1, 5),
    borderLeft: `4px solid transparent`,
    borderRadius: theme.shape.borderRadius,
    '&::before': {
      counterIncrement: 'step',
      content: 'counter(step)',
      position: 'absolute',
      left: theme.spacing(1),
      top: theme.spacing(1),
      width: theme.spacing(3),
      height: theme.spacing(3),
      lineHeight: `${theme.spacing(3)}px`,
      borderRadius: '50%',
      textAlign: 'center',
      fontSize: theme.typography.caption.fontSize,
      backgroundColor: theme.palette.action.selected,
      color: theme.palette.text.primary,
    },
  },
  header: {
    display: 'flex',
    flexWrap: 'wrap',
    alignItems: 'baseline',
    gap: theme.spacing(1),
  },
  name: {
    fontWeight: theme.typography.fontWeightBold as number,
    marginRight: 'auto',
  },
  meta: {
    color: theme.palette.text.secondary,
  },
  message: {
    wordBreak: 'break-word',
  },
  badge: {
    height: theme.spacing(2.5),
  },
  /** A condition left over from an earlier run: muted, dashed accent, never red. */
  leftover: {
    opacity: 0.7,
    borderLeft: `4px dashed ${theme.palette.divider}`,
    '& $name, & $message': {
      color: theme.palette.text.secondary,
    },
  },
  note: {
    color: theme.palette.text.secondary,
    fontStyle: 'italic',
  },
  lastKnown: {
    marginBottom: theme.spacing(1),
  },
}));

/**
 * The blocking step's accent, one static rule per health value; its caption gets a colour that
 * stays readable on the tint (4.5:1).
 */
const useBlockingStyles = makeStyles((theme: Theme) =>
  Object.fromEntries(
    HEALTH_VALUES.map(health => {
      const colors = blockingStepColors(theme, health);
      return [
        health,
        {
          borderLeftColor: colors.accent,
          backgroundColor: colors.background,
          '& .platform-mesh-step-meta': { color: colors.caption },
        },
      ];
    }),
  ),
);

const STATUS_TEXT: Record<ConditionStatus['status'], string> = {
  True: 'True',
  False: 'False',
  Unknown: 'Unknown',
  Missing: 'not reported',
};

/**
 * The index of the step to draw attention to: the first step that is failing or still running
 * (not `True`), skipping steps left over from an earlier run, steps the current run has not
 * reached, and steps that are not reported at all: a switched-off subroutine writes no condition
 * (seen with the real operator next to `Ready=True`), so a missing one blocks nothing. -1 when
 * nothing blocks.
 */
export function blockingStepIndex(conditions: ConditionStatus[]): number {
  return conditions.findIndex(
    c =>
      c.status !== 'True' &&
      c.status !== 'Missing' &&
      c.health !== 'healthy' &&
      !c.leftover &&
      !c.notReached,
  );
}

/**
 * What the step's status shows: leftovers and not-reached steps are `unknown` whatever an older
 * backend sent, so they never look failed or running.
 */
function shownHealth(c: ConditionStatus): ConditionStatus['health'] {
  return c.leftover || c.notReached ? 'unknown' : c.health;
}

function statusLabel(c: ConditionStatus): string | undefined {
  if (c.leftover) return 'Left over';
  if (c.notReached) return 'Not reached';
  return undefined;
}

/** Props of {@link ConditionPipeline}. */
interface ConditionPipelineProps {
  conditions: ConditionStatus[];
  /** `metadata.generation` of the PlatformMesh, to explain stale marks. */
  generation?: number;
  /** The runtime cluster, to explain an empty pipeline when it could not be read. */
  runtime?: ClusterRoleStatus;
  /** Reference time for ages (tests); defaults to now. */
  now?: number;
}

function ConditionStep(props: {
  condition: ConditionStatus;
  blocking: boolean;
  generation?: number;
  now?: number;
  /** The runtime cluster cannot be read now: the condition is the last one read, not current. */
  lastKnown?: boolean;
}) {
  const { condition: c, blocking, generation, now, lastKnown } = props;
  const classes = useStyles();
  const blockingClasses = useBlockingStyles();
  const age = formatAge(c.lastTransitionTime, now);
  const meta = [
    c.reason ? `reason ${c.reason}` : undefined,
    `status ${STATUS_TEXT[c.status]}`,
    age ? `changed ${age} ago` : undefined,
  ].filter(Boolean);
  const health = lastKnown ? 'unknown' : shownHealth(c);
  const label = lastKnown
    ? `Last known: ${statusLabel(c) ?? HEALTH_LABELS[shownHealth(c)]}`
    : statusLabel(c);
  const className = [
    classes.step,
    blocking ? blockingClasses[health] : '',
    c.leftover ? classes.leftover : '',
  ]
    .filter(Boolean)
    .join(' ');
  return (
    <li
      className={className}
      aria-current={blocking ? 'step' : undefined}
      data-step={c.step}
      data-leftover={c.leftover ? 'true' : undefined}
      data-not-reached={c.notReached ? 'true' : undefined}
    >
      <div className={classes.header}>
        <Typography component="span" variant="body2" className={classes.name}>
          {c.step}
          {c.type !== c.step ? ` (${c.type})` : null}
        </Typography>
        {blocking ? (
          <Chip
            size="small"
            variant="outlined"
            label="Blocking"
            className={classes.badge}
          />
        ) : null}
        {c.stale ? (
          <Tooltip
            title={`Evaluated for generation ${c.observedGeneration ?? '?'}${
              generation !== undefined ? ` of ${generation}` : ''
            }: the operator has not looked at the latest change yet`}
          >
            <Chip
              size="small"
              label="stale"
              className={classes.badge}
              aria-label={`stale: evaluated for generation ${
                c.observedGeneration ?? 'unknown'
              }${generation !== undefined ? ` of ${generation}` : ''}`}
              tabIndex={0}
            />
          </Tooltip>
        ) : null}
        <HealthStatus health={health} label={label} />
      </div>
      <Typography
        variant="caption"
        component="div"
        className={`${classes.meta} platform-mesh-step-meta`}
        title={formatTimestamp(c.lastTransitionTime)}
      >
        {meta.join(' · ')}
      </Typography>
      {c.message ? (
        <Typography variant="body2" className={classes.message}>
          {c.message}
        </Typography>
      ) : null}
      {c.leftover ? (
        <Typography variant="caption" component="div" className={classes.note}>
          Left over from an earlier run: the operator's latest run did not
          evaluate this step, so it does not count.
        </Typography>
      ) : null}
      {c.notReached ? (
        <Typography variant="caption" component="div" className={classes.note}>
          Not reached yet: the chain stops at an earlier step.
        </Typography>
      ) : null}
    </li>
  );
}

/**
 * The PlatformMesh conditions as an ordered pipeline (DeploymentSubroutine → … → Ready), with the
 * first failing or stopped step highlighted and marked "Blocking". Conditions left over from an
 * earlier run are muted and say so; steps the current run has not reached show no progress
 * indicator. While the runtime cluster cannot be read, the conditions are the last ones read:
 * the pipeline says so with their age, and no step claims a current health (each reads "Last
 * known: …", nothing is highlighted as blocking).
 */
export function ConditionPipeline(props: ConditionPipelineProps) {
  const { conditions, generation, runtime, now } = props;
  const classes = useStyles();

  if (conditions.length === 0) {
    if (runtime && (!runtime.reachable || runtime.error)) {
      return (
        <ClusterErrorText
          clusterRole="runtime"
          cluster={runtime}
          what="Conditions"
        />
      );
    }
    return (
      <Typography variant="body2" color="textSecondary">
        The PlatformMesh has no conditions yet: no operator has reconciled it.
      </Typography>
    );
  }

  const lastKnown = conditionsNotCurrent(runtime);
  const blocking = lastKnown ? -1 : blockingStepIndex(conditions);
  const readAgo = formatRelative(runtime?.observedAt, now);
  return (
    <>
      {lastKnown && runtime ? (
        <Typography
          variant="body2"
          color="error"
          className={classes.lastKnown}
          data-testid="conditions-last-known"
        >
          Last known conditions, read{' '}
          {readAgo ? (
            <time
              dateTime={runtime.observedAt}
              title={formatTimestamp(runtime.observedAt)}
            >
              {readAgo}
            </time>
          ) : (
            'at an unknown time'
          )}
          : the runtime cluster "{runtime.name}" cannot be read now (
          {clusterErrorText('runtime', runtime)}). They may have changed since.
        </Typography>
      ) : null}
      <ol className={classes.list} aria-label="Condition pipeline">
        {conditions.map((condition, index) => (
          <ConditionStep
            key={condition.step}
            condition={condition}
            blocking={index === blocking}
            generation={generation}
            now={now}
            lastKnown={lastKnown}
          />
        ))}
      </ol>
    </>
  );
}

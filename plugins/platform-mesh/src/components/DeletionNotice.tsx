import Typography from '@material-ui/core/Typography';
import { makeStyles, type Theme } from '@material-ui/core/styles';
import {
  formatFinalizers,
  type InstanceDeletion,
} from '@platform-mesh-backstage/plugin-platform-mesh-common';
import { formatRelative, formatTimestamp } from './time';

const useStyles = makeStyles((theme: Theme) => ({
  root: {
    marginBottom: theme.spacing(2),
    wordBreak: 'break-word',
  },
  finalizers: {
    fontFamily: 'monospace',
  },
}));

/** Props of {@link DeletionNotice}. */
interface DeletionNoticeProps {
  deletion: InstanceDeletion;
  /** Reference time for the relative age (tests); defaults to now. */
  now?: number;
}

/**
 * One line for a PlatformMesh that is being deleted: since when, and the finalizers it waits for
 * (deduplicated, repeated ones with a count: the operator writes its finalizer twice).
 */
export function DeletionNotice(props: DeletionNoticeProps) {
  const { deletion, now } = props;
  const classes = useStyles();
  const relative = formatRelative(deletion.since, now);
  return (
    <Typography
      variant="body2"
      className={classes.root}
      data-testid="platform-mesh-deletion"
    >
      Deleting since{' '}
      <time dateTime={deletion.since}>
        {formatTimestamp(deletion.since) ?? deletion.since}
      </time>
      {relative ? ` (${relative})` : ''} — waiting for finalizers:{' '}
      <span className={classes.finalizers}>
        {formatFinalizers(deletion.finalizers)}
      </span>
    </Typography>
  );
}

import Button from '@material-ui/core/Button';
import CircularProgress from '@material-ui/core/CircularProgress';
import { makeStyles } from '@material-ui/core/styles';
import SyncIcon from '@material-ui/icons/Sync';
import type {
  InstanceRef,
  ReconcileRequest,
  ReconcileResult,
} from '@platform-mesh-backstage/plugin-platform-mesh-common';
import { ReconcileFeedback } from './ReconcileFeedback';
import { useReconcile } from './useReconcile';

const useStyles = makeStyles(theme => ({
  root: {
    display: 'inline-flex',
    flexWrap: 'wrap',
    alignItems: 'center',
    gap: theme.spacing(1),
  },
}));

/** Props of {@link ReconcileButton}. */
interface ReconcileButtonProps {
  instanceRef: InstanceRef;
  request: ReconcileRequest;
  /** The visible text, e.g. "Reconcile". */
  label: string;
  /** The accessible name when the visible text alone is ambiguous (rows of a table). */
  ariaLabel?: string;
  /** Runs after a successful request. */
  onDone?: (result: ReconcileResult) => void;
}

/**
 * A button that asks the backend to reconcile one object of the instance (or the instance), with
 * its progress and outcome next to it. Render it only for users allowed to (`useCanReconcile`).
 */
export function ReconcileButton(props: ReconcileButtonProps) {
  const { instanceRef, request, label, ariaLabel, onDone } = props;
  const classes = useStyles();
  const state = useReconcile(instanceRef, onDone);
  const pending = state.phase === 'pending';
  return (
    <span className={classes.root}>
      <Button
        size="small"
        variant="outlined"
        onClick={() => state.run(request)}
        disabled={pending}
        aria-label={ariaLabel}
        startIcon={
          pending ? (
            <CircularProgress size={14} aria-hidden />
          ) : (
            <SyncIcon aria-hidden />
          )
        }
      >
        {label}
      </Button>
      <ReconcileFeedback state={state} />
    </span>
  );
}

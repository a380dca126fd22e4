import Typography from '@material-ui/core/Typography';
import { backendMessage } from '../errors';
import { usePlatformMeshText } from '../../i18n/useFormatters';
import type { ReconcileState } from './useReconcile';

/**
 * The outcome of the last Reconcile request, announced to screen readers: progress, "Reconcile
 * requested at …", or the backend's error message (a 403 says which permission or config key is
 * missing). Nothing while idle.
 */
export function ReconcileFeedback(props: { state: ReconcileState }) {
  const { state } = props;
  const { t, timestamp } = usePlatformMeshText();
  let text: string | undefined;
  let color: 'textSecondary' | 'error' | 'textPrimary' = 'textSecondary';
  if (state.phase === 'pending') text = t('reconcile.pending');
  if (state.phase === 'done' && state.result) {
    const at = state.result.requestedAt;
    text = t('reconcile.done', { time: timestamp(at) ?? at });
    color = 'textPrimary';
  }
  if (state.phase === 'error' && state.error) {
    text = t('reconcile.failed', {
      message: backendMessage(state.error) ?? state.error.message,
    });
    color = 'error';
  }
  return (
    <Typography
      variant="caption"
      component="span"
      color={color}
      role={state.phase === 'error' ? 'alert' : 'status'}
      data-testid="platform-mesh-reconcile-feedback"
      data-phase={state.phase}
    >
      {text}
    </Typography>
  );
}

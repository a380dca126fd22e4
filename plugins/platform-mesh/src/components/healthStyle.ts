import type { Theme } from '@material-ui/core/styles';
import type {
  DiagnosticSeverity,
  Health,
} from '@platform-mesh-backstage/plugin-platform-mesh-common';

/** Human text for each health value; always shown next to the colour. */
export const HEALTH_LABELS: Record<Health, string> = {
  healthy: 'Healthy',
  progressing: 'Progressing',
  degraded: 'Degraded',
  failed: 'Failed',
  suspended: 'Suspended',
  unknown: 'Unknown',
};

/** Every health value, e.g. to build one style rule per value. */
export const HEALTH_VALUES = Object.keys(HEALTH_LABELS) as Health[];

/** Human text for each diagnostic severity. */
export const SEVERITY_LABELS: Record<DiagnosticSeverity, string> = {
  error: 'Error',
  warning: 'Warning',
  info: 'Info',
};

type StatusPalette = Partial<
  Record<'ok' | 'warning' | 'error' | 'running' | 'pending' | 'aborted', string>
>;

/** The Backstage theme's status colours, with Material UI fallbacks for other themes. */
function statusPalette(theme: Theme): StatusPalette {
  return (theme.palette as unknown as { status?: StatusPalette }).status ?? {};
}

/** The theme colour of a health value (light and dark themes define their own). */
export function healthColor(theme: Theme, health: Health): string {
  const status = statusPalette(theme);
  switch (health) {
    case 'healthy':
      return status.ok ?? theme.palette.success.main;
    case 'progressing':
      return status.running ?? theme.palette.info.main;
    case 'degraded':
      return status.warning ?? theme.palette.warning.main;
    case 'failed':
      return status.error ?? theme.palette.error.main;
    default:
      return status.aborted ?? theme.palette.text.secondary;
  }
}

/** The theme colour of a diagnostic severity. */
export function severityColor(
  theme: Theme,
  severity: DiagnosticSeverity,
): string {
  const status = statusPalette(theme);
  switch (severity) {
    case 'error':
      return status.error ?? theme.palette.error.main;
    case 'warning':
      return status.warning ?? theme.palette.warning.main;
    default:
      return theme.palette.info.main;
  }
}

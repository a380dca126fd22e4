import { decomposeColor, hslToRgb, type Theme } from '@material-ui/core/styles';
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

/** Any CSS colour Material UI understands, as red, green, blue (0-255) and alpha (0-1). */
function parseColor(color: string): [number, number, number, number] {
  const rgb = decomposeColor(color.startsWith('hsl') ? hslToRgb(color) : color);
  const [r, g, b, a = 1] = rgb.values;
  return [r, g, b, a];
}

/** `color` (possibly translucent) painted over the opaque `base`, as `rgb()`. */
function blendOver(color: string, base: string): string {
  const [r, g, b, a] = parseColor(color);
  const [br, bg, bb] = parseColor(base);
  const mix = (c: number, d: number) => Math.round(c * a + d * (1 - a));
  return `rgb(${mix(r, br)}, ${mix(g, bg)}, ${mix(b, bb)})`;
}

function luminance(color: string): number {
  const [r, g, b] = parseColor(color).map(c => {
    const v = c / 255;
    return v <= 0.03928 ? v / 12.92 : ((v + 0.055) / 1.055) ** 2.4;
  });
  return 0.2126 * r + 0.7152 * g + 0.0722 * b;
}

/**
 * The WCAG contrast ratio of two colours; a translucent foreground is blended over the background
 * first (the background must be opaque).
 */
export function contrastRatio(foreground: string, background: string): number {
  const fg = luminance(blendOver(foreground, background));
  const bg = luminance(background);
  return (Math.max(fg, bg) + 0.05) / (Math.min(fg, bg) + 0.05);
}

/**
 * Black or white, whichever contrasts more with `background`. Material UI's `getContrastText`
 * switches to black only below a 3:1 ratio, which left white on the dark theme's "running" blue
 * at 3.63:1; text needs 4.5:1.
 */
export function readableTextOn(background: string): string {
  const black = 'rgba(0, 0, 0, 0.87)';
  const white = '#fff';
  return contrastRatio(black, background) >= contrastRatio(white, background)
    ? black
    : white;
}

/**
 * The colours of the highlighted (blocking) pipeline step: a tint of the health colour over the
 * paper, and a caption colour readable on it (the theme's secondary text fell to 4.44:1 on the
 * light theme's tint).
 */
export function blockingStepColors(
  theme: Theme,
  health: Health,
): { accent: string; background: string; caption: string } {
  const accent = healthColor(theme, health);
  const [r, g, b] = parseColor(accent);
  const tint = `rgba(${r}, ${g}, ${b}, ${
    theme.palette.type === 'dark' ? 0.16 : 0.08
  })`;
  const background = blendOver(tint, theme.palette.background.paper);
  const secondary = theme.palette.text.secondary;
  const caption =
    contrastRatio(secondary, background) >= 4.5
      ? secondary
      : theme.palette.text.primary;
  return { accent, background, caption };
}

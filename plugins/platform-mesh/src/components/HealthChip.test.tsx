import '@testing-library/jest-dom';
import { renderInTestApp } from '@backstage/test-utils';
import { screen } from '@testing-library/react';
import { ThemeProvider, type Theme } from '@material-ui/core/styles';
import type { Health } from '@platform-mesh-backstage/plugin-platform-mesh-common';
import { HealthChip } from './HealthChip';
import { HealthStatus } from './HealthStatus';

const HEALTHS: Array<[Health, string]> = [
  ['healthy', 'Healthy'],
  ['progressing', 'Progressing'],
  ['degraded', 'Degraded'],
  ['failed', 'Failed'],
  ['suspended', 'Suspended'],
  ['unknown', 'Unknown'],
];

/** A dark variant of the app's theme with its own status colours. */
const DARK_STATUS = {
  ok: '#71cf88',
  warning: '#ffb84d',
  error: '#f84c55',
  running: '#3488e3',
  pending: '#feeb7a',
  aborted: '#9e9e9e',
};
const dark = (outer: Theme) =>
  ({
    ...outer,
    palette: { ...outer.palette, type: 'dark', status: DARK_STATUS },
  } as Theme);

/** The background colours that the page's style rules give `element`, MUI's own excluded. */
function backgroundsOf(element: Element): string[] {
  return Array.from(document.styleSheets)
    .flatMap(sheet => Array.from(sheet.cssRules) as CSSStyleRule[])
    .filter(
      rule =>
        rule.selectorText &&
        !rule.selectorText.startsWith('.Mui') &&
        element.matches(rule.selectorText),
    )
    .map(rule => rule.style.backgroundColor)
    .filter(Boolean);
}

describe('health display', () => {
  it.each(HEALTHS)(
    'names %s in text, not only in colour',
    async (health, label) => {
      await renderInTestApp(
        <>
          <HealthChip health={health} />
          <HealthStatus health={health} label={`${label} status`} />
        </>,
      );
      expect(
        screen.getByRole('status', { name: `Overall health: ${label}` }),
      ).toHaveTextContent(label);
      expect(screen.getByText(`${label} status`)).toBeVisible();
    },
  );

  it('takes its colours from the theme (dark theme)', async () => {
    await renderInTestApp(
      <ThemeProvider theme={dark}>
        <HealthChip health="healthy" />
      </ThemeProvider>,
    );
    const chip = screen.getByRole('status', {
      name: 'Overall health: Healthy',
    });
    // jsdom lists style sheets in insertion order rather than document order, so its computed
    // style is unreliable here: look for the chip's own rule instead.
    expect(backgroundsOf(chip)).toContain('rgb(113, 207, 136)');
    expect(backgroundsOf(chip)).not.toContain('rgb(29, 185, 84)'); // the light theme's
    expect(chip).toHaveTextContent('Healthy');
  });
});

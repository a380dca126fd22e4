import { darkTheme, lightTheme } from '@backstage/theme';
import type { Theme } from '@material-ui/core/styles';
import type { Health } from '@platform-mesh-backstage/plugin-platform-mesh-common';
import {
  blockingStepColors,
  contrastRatio,
  HEALTH_VALUES,
  healthColor,
  readableTextOn,
} from './healthStyle';

const THEMES: Array<[string, Theme]> = [
  ['light', lightTheme as unknown as Theme],
  ['dark', darkTheme as unknown as Theme],
];

describe('colours that stay readable (WCAG AA, 4.5:1)', () => {
  it.each(THEMES)('%s theme: the text of every health chip', (_name, theme) => {
    for (const health of HEALTH_VALUES) {
      const background = healthColor(theme, health);
      expect({
        health,
        ratio: contrastRatio(readableTextOn(background), background) >= 4.5,
      }).toEqual({ health, ratio: true });
    }
  });

  it('the dark theme\'s "Progressing" chip gets dark text (white was 3.63:1)', () => {
    const background = healthColor(darkTheme as unknown as Theme, 'progressing');
    expect(contrastRatio('#fff', background)).toBeLessThan(4.5);
    expect(readableTextOn(background)).toBe('rgba(0, 0, 0, 0.87)');
  });

  it.each(THEMES)(
    '%s theme: the caption of the highlighted blocking step',
    (_name, theme) => {
      for (const health of HEALTH_VALUES as Health[]) {
        const { background, caption } = blockingStepColors(theme, health);
        expect({ health, ok: contrastRatio(caption, background) >= 4.5 }).toEqual({
          health,
          ok: true,
        });
      }
    },
  );

  it('blends translucent colours before measuring', () => {
    expect(contrastRatio('rgba(0, 0, 0, 0)', '#ffffff')).toBeCloseTo(1);
    expect(contrastRatio('#000000', '#ffffff')).toBeCloseTo(21);
  });
});

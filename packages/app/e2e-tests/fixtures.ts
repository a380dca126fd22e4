import {
  test as base,
  expect,
  type Locator,
  type Page,
} from '@playwright/test';
import { readFileSync } from 'node:fs';
import type { AxeResults } from 'axe-core';

/** Where the card screenshots go (git-ignored, kept as CI artifacts). */
export const SCREENSHOTS_DIR = 'test-results/screenshots';

/**
 * `test` that fails on uncaught page errors and on console errors (a broken API factory, a failed
 * chunk load or a React error all show up there first), and that signs in as guest.
 */
export const test = base.extend<{ browserErrors: string[] }>({
  browserErrors: [
    async ({ page }, use) => {
      const errors: string[] = [];
      page.on('pageerror', error =>
        errors.push(`page error: ${error.message}`),
      );
      page.on('console', message => {
        // React's development-only warnings ("Warning: findDOMNode is deprecated ...", mostly from
        // Material UI 4 and material-table) are console errors too; a production build has none.
        if (
          message.type() === 'error' &&
          !message.text().startsWith('Warning: ')
        ) {
          const { url } = message.location();
          errors.push(
            `console error: ${message.text()}${url ? ` (${url})` : ''}`,
          );
        }
      });
      await use(errors);
      expect(errors, 'errors in the browser console').toEqual([]);
    },
    { auto: true },
  ],
});

export { expect };

/** Signs in with the guest provider (the sign-in page's "Enter" button). */
export async function signIn(page: Page): Promise<void> {
  await page.goto('/');
  await page.getByRole('button', { name: 'Enter' }).click();
  // signed in: the sidebar is there (the landing page is the catalog)
  await expect(page.getByRole('link', { name: 'Settings' })).toBeVisible();
}

/** The catalog entity page of a Resource of `examples/entities.yaml`. */
export async function openResource(page: Page, name: string): Promise<void> {
  await page.goto(`/catalog/default/resource/${name}`);
}

/** The "Platform Mesh" tab of a Resource of `examples/entities.yaml`. */
export async function openTab(page: Page, name: string): Promise<void> {
  await page.goto(`/catalog/default/resource/${name}/platform-mesh`);
}

/**
 * The Platform Mesh tab's content on the current entity page, once it shows a status (the full
 * pipeline, releases, diagnostics and topology; the overview has the compact card).
 */
export async function platformMeshCard(page: Page): Promise<Locator> {
  const tab = page
    .locator('main, [role="main"], article')
    .filter({ has: page.getByTestId('platform-mesh-tab-overall') })
    .last();
  await expect(tab).toHaveCount(1);
  // the status has arrived when the Conditions section is there (loading shows a progress bar)
  await expect(
    tab.getByRole('list', { name: 'Condition pipeline' }),
  ).toBeVisible();
  return tab;
}

/** The compact overview card on the current entity page, once it shows a status. */
export async function overviewCard(page: Page): Promise<Locator> {
  const card = page
    .locator('.MuiCard-root')
    .filter({ has: page.getByTestId('platform-mesh-overview') });
  await expect(card).toHaveCount(1);
  await expect(card.getByRole('region', { name: 'Pipeline' })).toBeVisible();
  return card;
}

/** Shows the healthy rows of the tab's releases table (collapsed by default). */
export async function showHealthyReleases(region: Locator): Promise<void> {
  const toggle = region.getByRole('button', { name: /^Show \d+ healthy/ });
  if (await toggle.count()) await toggle.click();
}

/**
 * The serious and critical axe-core violations (WCAG 2 A and AA rules) inside `scope`: axe-core
 * is injected from the package, so nothing is fetched.
 */
export async function axeViolations(scope: Locator): Promise<string[]> {
  const page = scope.page();
  const loaded = await page.evaluate(() => 'axe' in window);
  if (!loaded) {
    // evaluated through the DevTools protocol: the app's Content Security Policy forbids inline
    // <script> tags, and nothing is loaded from anywhere else
    await page.evaluate(readFileSync(require.resolve('axe-core/axe.min.js'), 'utf8'));
  }
  const results = await scope.evaluate(
    (element: Element) =>
      (window as unknown as { axe: { run: Function } }).axe.run(element, {
        runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21aa'] },
      }) as Promise<AxeResults>,
  );
  return results.violations
    .filter(v => v.impact === 'serious' || v.impact === 'critical')
    .map(
      v =>
        `${v.id} (${v.impact}): ${v.help} — ${v.nodes
          .slice(0, 3)
          .map(n => n.target.join(' '))
          .join(', ')}`,
    );
}

/** Switches the app to the dark theme (the user setting the app reads on load). */
export async function useDarkTheme(page: Page): Promise<void> {
  await page.evaluate(() => window.localStorage.setItem('theme', 'dark'));
}

/** A row of the releases table, by the release's name (the first line of its first cell). */
export function releaseRow(region: Locator, name: string): Locator {
  return region.locator('tbody tr').filter({
    has: region.page().locator(':is(td, th):first-child', {
      hasText: new RegExp(`^${name}(HelmRelease|Kustomization|Application)`),
    }),
  });
}

/** A step of the condition pipeline, by condition type. */
export function pipelineStep(card: Locator, type: string): Locator {
  return card
    .getByRole('list', { name: 'Condition pipeline' })
    .locator(`li[data-step="${type}"]`);
}

/**
 * Fails when the releases table is wider than the card: its last column (the message) would be
 * cut off. The card is about 700 px wide at the tests' 1400 px viewport.
 */
export async function expectNoHorizontalOverflow(region: Locator) {
  const overflow = await region.locator('table').evaluate(table => {
    let el: HTMLElement | null = table.parentElement;
    while (el && getComputedStyle(el).overflowX === 'visible') {
      el = el.parentElement;
    }
    return el ? el.scrollWidth - el.clientWidth : 0;
  });
  expect(overflow, 'pixels of the releases table hidden to the right').toBe(0);
}

/** Saves a screenshot of the card (and, with `fullPage`, of the whole entity page). */
export async function saveScreenshots(
  page: Page,
  card: Locator,
  name: string,
  options: { fullPage?: boolean } = {},
): Promise<void> {
  // nothing animated in the pictures: wait for fonts and any refresh spinner
  await page.evaluate(() => document.fonts.ready);
  await card.screenshot({ path: `${SCREENSHOTS_DIR}/${name}-card.png` });
  if (options.fullPage) {
    await page.screenshot({
      path: `${SCREENSHOTS_DIR}/${name}-page.png`,
      fullPage: true,
    });
  }
}

/*
 * The consumer lane's browser checks (scripts/consumer-lane.sh): in the fresh app that installed
 * our packed packages, wired as the READMEs say, the card shows the seeded `healthy` instance and
 * the scaffolder lists our actions. The browser may talk to the app only (127.0.0.1).
 */
import { test as base, expect, type Page } from '@playwright/test';
import { join } from 'node:path';

const test = base.extend<{ pageErrors: string[] }>({
  pageErrors: [
    async ({ page }, use) => {
      // nothing leaves the machine: every request to anything but the app's loopback address fails
      await page.route('**/*', route => {
        const { hostname } = new URL(route.request().url());
        return hostname === '127.0.0.1' ? route.continue() : route.abort();
      });
      const errors: string[] = [];
      page.on('pageerror', error =>
        errors.push(`page error: ${error.message}`),
      );
      page.on('console', message => {
        // our plugins' errors; the created app's own plugins are not this lane's business
        if (
          message.type() === 'error' &&
          /platform-mesh/i.test(message.text())
        ) {
          errors.push(`console error: ${message.text()}`);
        }
      });
      await use(errors);
      expect(errors, 'errors in the browser').toEqual([]);
    },
    { auto: true },
  ],
});

/** Opens `path`, signing in as guest when the app asks. */
async function open(page: Page, path: string): Promise<void> {
  await page.goto(path);
  const enter = page.getByRole('button', { name: 'Enter' });
  const signedIn = page.getByRole('link', { name: 'Settings' });
  await expect(enter.or(signedIn).first()).toBeVisible();
  if (await enter.isVisible()) {
    await enter.click();
    await expect(signedIn).toBeVisible();
    await page.goto(path);
  }
}

test('the card shows the healthy instance (entity annotated as the README says)', async ({
  page,
}) => {
  await open(page, '/catalog/default/resource/platform-mesh-healthy');
  await expect(
    page.getByRole('heading', { name: 'Platform Mesh (healthy)' }).first(),
  ).toBeVisible();
  await expect(
    page.getByRole('status', { name: 'Overall health: Healthy' }).first(),
  ).toBeVisible();
  await page.screenshot({
    path: join(__dirname, '../../../test-results/consumer-lane/card.png'),
    fullPage: true,
  });
});

test('the catalog module emits the instance and its page shows the card', async ({
  page,
}) => {
  // the lane lifted the seeded instance's catalog opt-out just before the tests: the module's
  // watch emits the entity within seconds and the catalog stitches it; until then the page says
  // "Entity not found", and it does not fetch again by itself
  const started = Date.now();
  await open(page, '/catalog/default/resource/dev-pm-healthy-platform-mesh');
  const healthy = page
    .getByRole('status', { name: 'Overall health: Healthy' })
    .first();
  await expect(async () => {
    if (!(await healthy.isVisible())) {
      await page.reload();
      await expect(healthy).toBeVisible({ timeout: 5_000 });
    }
  }).toPass({ timeout: 75_000, intervals: [1_000] });
  // eslint-disable-next-line no-console
  console.log(
    `the catalog module's entity showed the card ${Math.round(
      (Date.now() - started) / 1000,
    )} s after the opt-out was lifted`,
  );
  // the module's entity, not the file's: the title the module gives it
  await expect(
    page
      .getByRole('heading', { name: 'platform-mesh (dev/pm-healthy)' })
      .first(),
  ).toBeVisible();
});

test('/create/actions lists platform-mesh:apply and platform-mesh:render', async ({
  page,
}) => {
  await open(page, '/create/actions');
  for (const action of ['platform-mesh:apply', 'platform-mesh:render']) {
    await expect(page.getByText(action, { exact: true }).first()).toBeVisible();
  }
});

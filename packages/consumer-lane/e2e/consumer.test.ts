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
  await open(page, '/catalog/default/resource/dev-pm-healthy-platform-mesh');
  await expect(
    page.getByRole('status', { name: 'Overall health: Healthy' }).first(),
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

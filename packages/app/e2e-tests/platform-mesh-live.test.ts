/*
 * The live lane in the browser (packages/dev-clusters/live/README.md): the example template, run
 * in the scaffolder UI on target `live` with the live profile, applies the instance; the real
 * operator chart is installed with the Helm values the task page shows; the real operator and
 * real Flux bring it to Ready, and the card shows what they wrote.
 */
import { liveProfile } from '@internal/dev-clusters/lib/live';
import { operatorLog, operatorUp } from '@internal/dev-clusters/lib/testing';
import {
  expect,
  openTab,
  platformMeshCard,
  releaseRow,
  saveScreenshots,
  showHealthyReleases,
  signIn,
  test,
} from './fixtures';

const PROFILE = liveProfile();

test('live: the template in the UI, the real operator and Flux, and a card that shows Ready', async ({
  page,
}) => {
  test.setTimeout(420_000);
  await signIn(page);
  await page.goto('/create/templates/default/platform-mesh-remote');
  await page
    .getByLabel(/Target/)
    .first()
    .click();
  await page.getByRole('option').filter({ hasText: /^live/ }).click();
  await page.getByLabel(/Profile/).fill(PROFILE);
  await page.getByRole('button', { name: 'Next' }).click();
  await page.getByRole('button', { name: 'Review' }).click();
  await page.getByRole('button', { name: 'Create' }).click();

  await expect(page).toHaveURL(/\/tasks\//, { timeout: 30_000 });
  await expect(
    page.getByText(
      'live/platform-mesh-system/platform-mesh — annotation platform-mesh.io/instance',
    ),
  ).toBeVisible({ timeout: 90_000 });
  // the task page shows each output text in its own tab
  await page.getByRole('button', { name: /Install the operator/i }).click();
  const values = await page
    .locator('code')
    .filter({ hasText: 'remoteRuntime:' })
    .first()
    .innerText({ timeout: 30_000 });
  expect(values).toContain('secretName:');
  await expect(page.locator('body')).not.toContainText(/eyJ[A-Za-z0-9_-]{20,}/);

  // the how-to's next step, with what the page showed
  operatorUp('platform-mesh-system', values);

  // the catalog entity provider emits the instance's entity (formatInstanceEntityName's default
  // pattern); the page is reloaded until it is there and Healthy
  await openTab(page, 'live-platform-mesh-system-platform-mesh');
  await expect(async () => {
    await page.reload();
    const card = await platformMeshCard(page);
    await expect(
      card.getByRole('status', { name: 'Overall health: Healthy' }),
    ).toBeVisible({ timeout: 5_000 });
  })
    .toPass({ timeout: 300_000, intervals: [5_000] })
    .catch(e => {
      throw new Error(`${e}\noperator log:\n${operatorLog(30)}`);
    });
  const card = await platformMeshCard(page);
  await expect(card.getByTestId('platform-mesh-instance-ref')).toHaveText(
    'live/platform-mesh-system/platform-mesh',
  );
  // Ready=True from the real operator: nothing blocks (the switched-off kcp subroutines report
  // nothing), and the diagnostics checked every cluster
  await expect(card.locator('[aria-current="step"]')).toHaveCount(0);
  await expect(card.getByRole('region', { name: 'Diagnostics' })).toContainText(
    'No problems found.',
  );
  const releases = card.getByRole('region', { name: 'HelmReleases' });
  await showHealthyReleases(releases);
  for (const name of ['account-operator', 'iam-service', 'portal']) {
    const row = releaseRow(releases, name);
    await expect(row).toContainText('Healthy');
    await expect(row).toContainText('0.1.0');
    await expect(row).toContainText(/revision \d+/);
  }
  await saveScreenshots(page, card, 'live');
});

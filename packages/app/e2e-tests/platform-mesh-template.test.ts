/*
 * The example template, run in the example app's scaffolder UI against the local API servers:
 * pick a target with the Platform Mesh target picker, apply directly, and find what the how-to
 * creates on each cluster in the task log. Each run uses a new instance in its own namespace; the
 * shared operator Secrets of target `dev` were written by the dev-clusters harness, so the run
 * takes them over (the form's "Take over fields other tools own"). Then it follows the output
 * link to the instance's entity, which the catalog entity provider emits from the PlatformMesh
 * (`dev-<namespace>-<name>`, the default name pattern), and finds the Platform Mesh card there.
 */
import { expect, overviewCard, signIn, test } from './fixtures';

test('the Remote Platform Mesh template applies an instance across the three clusters', async ({
  page,
}) => {
  test.setTimeout(120_000);
  const name = `pm-e2e-${Date.now().toString(36)}`;
  await signIn(page);
  await page.goto('/create/templates/default/platform-mesh-remote');

  // the target picker lists the configured targets, cluster names only
  await page
    .getByLabel(/Target/)
    .first()
    .click();
  const dev = page.getByRole('option').filter({ hasText: /^dev/ });
  await expect(dev).toContainText(
    'operator pm-operator, runtime pm-runtime, infra pm-infra',
  );
  await expect(page.getByRole('option')).toHaveCount(4); // dev, colocated, argo, live
  await dev.click();

  await page.getByLabel(/Instance name/).fill(name);
  await page.getByLabel(/^Namespace/).fill(name);
  // OwnerPicker: the catalog's groups and users
  // the Autocomplete's text box (its open listbox carries the same label)
  const owner = page.getByRole('textbox', { name: /^Owner/ });
  await owner.click();
  await owner.fill('guests');
  await page
    .getByRole('option', { name: /guests/ })
    .first()
    .click();
  await page.getByRole('button', { name: 'Next' }).click();
  await page.getByLabel(/Take over fields/).check();
  await page.getByRole('button', { name: 'Review' }).click();
  await page.getByRole('button', { name: 'Create' }).click();

  await expect(page).toHaveURL(/\/tasks\//, { timeout: 30_000 });
  await expect(
    page.getByText(
      `dev/${name}/${name} — annotation platform-mesh.io/instance`,
    ),
  ).toBeVisible({ timeout: 60_000 });
  await expect(page.getByText(/Applied: \d+ created/)).toBeVisible();

  // what goes where, as the task log reports it
  const log = page.locator('body');
  for (const line of [
    'Applied operator/Secret platform-mesh-system/platform-mesh-kubeconfig on cluster "pm-operator"',
    'Applied operator/Secret platform-mesh-system/platform-mesh-infra-kubeconfig on cluster "pm-operator"',
    `Applied infra/Secret ${name}/platform-mesh-runtime-secret on cluster "pm-infra": created`,
    `Applied runtime/ConfigMap ${name}/${name}-profile on cluster "pm-runtime": created`,
    `Applied runtime/PlatformMesh ${name}/${name} on cluster "pm-runtime": created`,
  ]) {
    await expect(log).toContainText(line);
  }
  // the minted token never reaches the page
  await expect(log).not.toContainText(/eyJ[A-Za-z0-9_-]{20,}/);

  // the link leads to the instance's entity page; the provider emits the entity within seconds
  // of the apply, so the link is followed once the catalog serves it (a page opened before would
  // log the catalog's 404 in the console, which this suite counts as an error)
  const backend = (process.env.PM_E2E_BACKEND_URL ?? '').replace(/\/$/, '');
  const session = await (
    await page.request.get(
      `${backend}/api/auth/guest/refresh?env=${
        process.env.NODE_ENV ?? 'production'
      }`,
    )
  ).json();
  await expect
    .poll(
      async () =>
        (
          await page.request.get(
            `${backend}/api/catalog/entities/by-name/resource/default/dev-${name}-${name}`,
            {
              headers: {
                authorization: `Bearer ${session.backstageIdentity.token}`,
              },
            },
          )
        ).status(),
      { timeout: 60_000, intervals: [1_000] },
    )
    .toBe(200);
  await page
    .getByRole('link', { name: 'Open the instance (Platform Mesh card)' })
    .click();
  await expect(page).toHaveURL(`/catalog/default/resource/dev-${name}-${name}`);
  await expect(async () => {
    await page.reload();
    await expect(page.getByText('Entity not found')).toHaveCount(0);
    await overviewCard(page);
  }).toPass({ timeout: 60_000 });
});

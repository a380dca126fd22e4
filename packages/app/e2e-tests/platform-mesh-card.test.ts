/*
 * The Platform Mesh entity tab (the full view: pipeline, releases, diagnostics, topology; the
 * overview's compact card is in platform-mesh-overview.test.ts) in the example app, in a real browser, against the backend and
 * the local Kubernetes API servers seeded by `yarn clusters seed healthy failed
 * flux-secret-missing argocd` (scripts/e2e.sh does that). The expected texts come from the seed
 * files in packages/dev-clusters/scenarios.
 */
import {
  expect,
  expectNoHorizontalOverflow,
  openTab,
  pipelineStep,
  platformMeshCard,
  releaseRow,
  saveScreenshots,
  showHealthyReleases,
  signIn,
  test,
} from './fixtures';

test.beforeEach(async ({ page }) => {
  await signIn(page);
});

test('healthy instance: overall Healthy, the pipeline, release versions and reachable clusters', async ({
  page,
}) => {
  await openTab(page, 'platform-mesh-healthy');
  const card = await platformMeshCard(page);

  await expect(
    card.getByRole('status', { name: 'Overall health: Healthy' }),
  ).toBeVisible();
  await expect(card.getByTestId('platform-mesh-instance-ref')).toHaveText(
    'dev/pm-healthy/platform-mesh',
  );

  // conditions in pipeline order, none blocking, with the Ready condition's message
  const steps = card
    .getByRole('list', { name: 'Condition pipeline' })
    .getByRole('listitem');
  await expect(steps).toHaveCount(6);
  await expect(steps.first()).toContainText('DeploymentSubroutine');
  await expect(card.locator('[aria-current="step"]')).toHaveCount(0);
  await expect(pipelineStep(card, 'Ready')).toContainText(
    'all subroutines completed successfully',
  );

  await expect(card.getByRole('region', { name: 'Diagnostics' })).toContainText(
    'No problems found.',
  );

  const releases = card.getByRole('region', { name: 'HelmReleases' });
  // healthy rows are collapsed by default
  await expect(releases.locator('tbody tr')).toHaveCount(0);
  await expect(releases).toContainText('7 healthy releases hidden.');
  await showHealthyReleases(releases);
  await expect(releases.locator('tbody tr')).toHaveCount(7);
  const certManager = releaseRow(releases, 'cert-manager');
  await expect(certManager).toContainText('Healthy');
  await expect(certManager).toContainText('v1.18.2+d022b642f4d0');
  await expect(certManager).toContainText('app v1.18.2');
  const portal = releaseRow(releases, 'portal');
  await expect(portal).toContainText('UpgradeSucceeded');
  await expect(portal).toContainText('0.36.2+9c5c72ac8853');
  await expect(portal).toContainText(
    'Helm upgrade succeeded for release pm-healthy/portal.v3',
  );
  await expectNoHorizontalOverflow(releases);

  const clusters = card.getByRole('list', { name: 'Clusters' });
  for (const role of ['Operator', 'Runtime', 'Infra']) {
    await expect(
      clusters.getByRole('listitem', {
        name: new RegExp(`^${role} cluster pm-\\w+: Reachable$`),
      }),
    ).toBeVisible();
  }
  await expect(card.getByRole('list', { name: 'Connections' })).toContainText(
    'infra → runtime',
  );

  await saveScreenshots(page, card, 'healthy', { fullPage: true });

  // manual refresh keeps the card and its data (the backend answers from its cache)
  await card.getByRole('button', { name: 'Refresh' }).click();
  await expect(card.getByRole('button', { name: 'Refresh' })).toHaveAttribute(
    'aria-busy',
    'false',
  );
  await expect(
    card.getByRole('status', { name: 'Overall health: Healthy' }),
  ).toBeVisible();
  await expect(certManager).toContainText('v1.18.2+d022b642f4d0');
});

test('failed instance: the Stalled HelmRelease first with its message, the blocking step', async ({
  page,
}) => {
  await openTab(page, 'platform-mesh-failed');
  const card = await platformMeshCard(page);

  // a release Flux gave up on (Stalled/RetriesExceeded) is broken, not slow
  await expect(
    card.getByRole('status', { name: 'Overall health: Failed' }),
  ).toBeVisible();
  const diagnostics = card.getByRole('region', { name: /^Diagnostics/ });
  await expect(diagnostics).toContainText(
    'HelmRelease portal has given up: retries exceeded',
  );
  await expect(diagnostics).toContainText(
    'flux reconcile helmrelease portal -n pm-failed --reset',
  );
  await expect(diagnostics).not.toContainText('No problems found');

  // WaitSubroutine stopped the chain: it is the highlighted step, with its message
  const wait = pipelineStep(card, 'WaitSubroutine');
  await expect(wait).toHaveAttribute('aria-current', 'step');
  await expect(wait).toContainText('Blocking');
  await expect(wait).toContainText(
    'resource pm-failed/iam-service of type HelmRelease is not ready yet',
  );

  // problems first: portal (Stalled, RetriesExceeded) is the first row
  const releases = card.getByRole('region', { name: 'HelmReleases' });
  const portal = releaseRow(releases, 'portal');
  await expect(releases.locator('tbody tr').first()).toContainText('portal');
  await expect(portal).toContainText('Failed');
  await expect(portal).toContainText('RetriesExceeded');
  await expect(portal).toContainText('Failed to upgrade after 4 attempt(s)');
  await expect(portal).toContainText('0.36.2+9c5c72ac8853');
  const iamService = releaseRow(releases, 'iam-service');
  await expect(iamService).toContainText('context deadline exceeded');
  await expectNoHorizontalOverflow(releases);

  await portal.scrollIntoViewIfNeeded();
  await saveScreenshots(page, card, 'failed');
});

test('flux-secret-missing: the diagnostic with its hint, the broken infra → runtime link', async ({
  page,
}) => {
  await openTab(page, 'platform-mesh-flux-secret-missing');
  const card = await platformMeshCard(page);

  const diagnostics = card.getByRole('region', { name: 'Diagnostics (1)' });
  await expect(diagnostics).toContainText(
    'Flux kubeconfig Secret platform-mesh-runtime-secret is missing',
  );
  await expect(diagnostics).toContainText('How to fix:');
  await expect(diagnostics).toContainText(
    'Create the Secret platform-mesh-runtime-secret in namespace pm-flux-secret-missing',
  );

  const releases = card.getByRole('region', { name: 'HelmReleases' });
  await expect(releaseRow(releases, 'cert-manager')).toContainText(
    'RESTClientError',
  );

  const connections = card.getByRole('list', { name: 'Connections' });
  await expect(
    connections.locator('li[data-link="infra → runtime"]'),
  ).toContainText('Broken: Flux kubeconfig Secret');
  await expect(
    card
      .getByRole('list', { name: 'Secrets on the infra cluster' })
      .getByText('platform-mesh-runtime-secret: missing'),
  ).toBeVisible();
  await expectNoHorizontalOverflow(releases);

  await saveScreenshots(page, card, 'flux-secret-missing');
});

test('argocd: Applications instead of HelmReleases, the wrong destination diagnosed', async ({
  page,
}) => {
  await openTab(page, 'platform-mesh-argocd');
  const card = await platformMeshCard(page);

  await expect(card.getByTestId('platform-mesh-instance-ref')).toHaveText(
    'argo/pm-argocd/platform-mesh',
  );
  const applications = card.getByRole('region', {
    name: 'Argo CD Applications',
  });
  const certManager = releaseRow(applications, 'cert-manager');
  await expect(certManager).toContainText('InvalidSpecError');
  await expect(certManager).toContainText(
    "application destination server 'https://kubernetes.default.svc'",
  );
  await showHealthyReleases(applications);
  await expect(releaseRow(applications, 'portal')).toContainText('Healthy');
  await expect(
    card.getByRole('region', { name: /^Diagnostics/ }),
  ).toContainText(
    'deploys to the infra cluster instead of the runtime cluster',
  );
  await expectNoHorizontalOverflow(applications);

  await saveScreenshots(page, card, 'argocd');
});

test('dark theme: the failed card stays readable', async ({ page }) => {
  await page.evaluate(() => window.localStorage.setItem('theme', 'dark'));
  await openTab(page, 'platform-mesh-failed');
  const card = await platformMeshCard(page);
  await expect(
    card.getByRole('status', { name: 'Overall health: Failed' }),
  ).toBeVisible();
  const background = await page.evaluate(
    () => getComputedStyle(document.body).backgroundColor,
  );
  expect(background, 'the dark theme is active').not.toBe('rgb(255, 255, 255)');
  await saveScreenshots(page, card, 'failed-dark');
});

test('an entity without the annotation has no Platform Mesh card', async ({
  page,
}) => {
  await page.goto('/catalog/default/system/platform-mesh');
  await expect(page.getByRole('heading', { name: 'About' })).toBeVisible();
  // the cards of the overview load lazily: let every request settle before looking
  await page.waitForLoadState('networkidle');
  await expect(page.getByTestId('platform-mesh-instance-ref')).toHaveCount(0);
  await expect(page.getByText('Platform Mesh', { exact: true })).toHaveCount(0);
});

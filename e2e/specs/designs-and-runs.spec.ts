import { writeFileSync } from 'node:fs';
import { expect, test } from '@playwright/test';
import { stringify } from 'yaml';
import { checkoutExample } from '@faultline/schemas';
import { checkoutWithoutReplicas, erroringCheckout } from '../fixtures/designs.ts';

test('rename, duplicate, import and delete designs from the list', async ({ page, request }, testInfo) => {
  const created = await (await request.post('/api/designs', { data: { ...checkoutExample, name: 'List me' } })).json();
  await page.goto('/');
  const row = page.getByRole('row', { name: /List me/ });
  await row.getByRole('button', { name: 'Rename' }).click();
  await page.getByTestId('designs.renameInput').fill('Renamed checkout');
  await page.getByTestId('designs.renameInput').press('Enter');
  await expect(page.getByRole('link', { name: 'Renamed checkout' })).toBeVisible();
  expect((await (await request.get(`/api/designs/${created.id}`)).json()).name).toBe('Renamed checkout');

  await page
    .getByRole('row', { name: /Renamed checkout/ })
    .getByRole('button', { name: 'Duplicate' })
    .click();
  await expect(page.getByRole('link', { name: 'Renamed checkout (copy)' })).toBeVisible();

  // A file the design service rejects: the reason names the field, and nothing is added.
  const invalid = testInfo.outputPath('invalid.faultline.yaml');
  writeFileSync(invalid, stringify(checkoutWithoutReplicas));
  await page.getByTestId('designs.import').setInputFiles(invalid);
  await expect(page.getByRole('alert')).toContainText('/components/1/replicas');
  await expect(page.getByRole('link', { name: 'Not imported' })).toHaveCount(0);

  const file = testInfo.outputPath('imported.faultline.yaml');
  writeFileSync(file, stringify({ ...checkoutExample, name: 'From a YAML file' }));
  await page.getByTestId('designs.import').setInputFiles(file);
  await page.waitForURL(/\/designs\//);
  await expect(page.getByRole('heading', { name: 'From a YAML file' })).toBeVisible();

  await page.goto('/');
  page.once('dialog', (dialog) => dialog.accept());
  await page
    .getByRole('row', { name: /From a YAML file/ })
    .getByRole('button', { name: 'Delete' })
    .click();
  await expect(page.getByRole('link', { name: 'From a YAML file' })).toHaveCount(0);
  await page.screenshot({ path: testInfo.outputPath('designs.png') });
});

test('a sweep of a fault probability from the run dialog shows its curve and collapse point', async ({
  page,
  request,
}, testInfo) => {
  const design = await (await request.post('/api/designs', { data: erroringCheckout })).json();
  await page.goto(`/designs/${design.id}`);
  await page.getByTestId('editor.run').click();
  await page.getByTestId('launch.scenario').selectOption('sweep');
  await page.getByTestId('launch.parameter').selectOption('/faults/0/schedule/probability');
  await page.getByLabel('Steps').fill('3');
  await page.getByLabel('Duration').fill('30');
  await page.getByTestId('launch.start').click();
  await page.waitForURL(/\/runs\//);
  await expect(page.getByTestId('run.status')).toHaveText('succeeded', { timeout: 60_000 });
  await expect(page.getByTestId('sweep.collapse')).toHaveText(
    /^SLO breaks at \/faults\/0\/schedule\/probability = [\d.]+.* · collapses at \/faults\/0\/schedule\/probability = 1 \(success rate below 10 %\)$/,
  );
  await expect(page.getByTestId('sweep').locator('tbody tr')).toHaveCount(3);
  await page.screenshot({ path: testInfo.outputPath('sweep.png'), fullPage: true });
});

test('two runs of a design compared side by side', async ({ page, request }) => {
  const design = await (
    await request.post('/api/designs', { data: { ...checkoutExample, name: 'Compare me' } })
  ).json();
  for (const seed of [1, 2]) {
    const run = await (
      await request.post('/api/runs', { data: { designId: design.id, settings: { durationMs: 30_000, seed } } })
    ).json();
    await expect.poll(async () => (await (await request.get(`/api/runs/${run.id}`)).json()).status).toBe('succeeded');
  }
  await page.goto(`/designs/${design.id}`);
  const picks = page.getByTestId('runs.history').getByRole('checkbox', { name: 'Pick for comparison' });
  await picks.nth(0).check();
  await picks.nth(1).check();
  await page.getByTestId('runs.compare').click();
  const table = page.getByTestId('compare').getByRole('table');
  await expect(table.getByRole('row', { name: /^Availability/ })).toBeVisible();
  await expect(table).toContainText('seed 1');
  await expect(table).toContainText('seed 2');
  await expect(page.getByTestId('chart.Throughput')).toBeVisible();
});

test('a long run shows live progress and can be cancelled from its page', async ({ page, request }) => {
  const busy = {
    ...checkoutExample,
    name: 'Busy',
    workload: { entry: 'users', arrival: { kind: 'poisson', ratePerSecond: 2000 } },
  };
  const design = await (await request.post('/api/designs', { data: busy })).json();
  const run = await (
    await request.post('/api/runs', { data: { designId: design.id, settings: { durationMs: 3_600_000 } } })
  ).json();
  await page.goto(`/runs/${run.id}`);
  const progress = page.getByTestId('run.progress');
  await expect.poll(async () => Number(await progress.getAttribute('value')), { timeout: 30_000 }).toBeGreaterThan(0);
  await page.getByRole('button', { name: 'Cancel' }).click();
  await expect(page.getByTestId('run.status')).toHaveText('cancelled');
  await expect(progress).toHaveCount(0);
});

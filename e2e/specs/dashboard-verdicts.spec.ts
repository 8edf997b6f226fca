import { expect, test } from '@playwright/test';
import { checkoutExample } from '@faultline/schemas';
import { guardedCheckout } from '../fixtures/guarded-checkout.ts';
import { RunPage } from '../pages/run-page.ts';

test('a run with a fault reads as a verdict per fault, by name, and the defences say what they did', async ({
  page,
  request,
}, testInfo) => {
  const design = await (await request.post('/api/designs', { data: guardedCheckout })).json();
  await page.goto(`/designs/${design.id}`);
  await page.getByTestId('editor.run').click();
  await page.getByTestId('launch.duration').fill('45');
  await page.getByTestId('launch.duration').press('Enter');
  await page.getByTestId('launch.scenario').selectOption('single');
  await page.getByTestId('launch.start').click();
  await page.waitForURL(/\/runs\//);
  await new RunPage(page).waitUntilSucceeded();

  const lines = page.getByTestId('verdict.fault-line');
  await expect(lines).toHaveCount(2);
  await expect(lines.nth(0)).toHaveText(
    /^Database brief outage \(20–30 s\): recovered [\d.]+ s after it ended; [\d,]+ failures caused$/,
  );
  await expect(lines.nth(1)).toHaveText(
    /^Price cache unreachable \(whole run\): absorbed, no failures caused \(fallback served [\d,]+\)$/,
  );
  // The overall line agrees with the availability card beside it.
  await expect(page.getByTestId('slo.verdict')).toContainText('SLO missed: availability');
  await expect(page.getByTestId('kpi.availability')).toContainText('SLO missed');

  const policies = page.getByTestId('defences.policy');
  await expect(policies.filter({ hasText: 'Checkout API · retry · Checkout API → Orders DB' })).toContainText(
    /retries [\d,]+, retries exhausted [\d,]+/,
  );
  await expect(policies.filter({ hasText: 'Checkout API · fallback · Checkout API → Price cache' })).toContainText(
    /fallback served [1-9][\d,]*/,
  );
  await page.screenshot({ path: testInfo.outputPath('verdicts.png'), fullPage: true });

  // Throughput is stacked by what became of the requests; its tooltip gives each figure its unit.
  const throughput = page.getByTestId('chart.Throughput');
  await throughput.locator('.recharts-wrapper').hover({ position: { x: 500, y: 120 } });
  const tooltip = throughput.locator('.recharts-tooltip-wrapper');
  await expect(tooltip).toContainText(/at [\d.]+ s/);
  await expect(tooltip).toContainText(/failed : [\d.]+ req\/s/);
  await throughput.screenshot({ path: testInfo.outputPath('throughput-tooltip.png') });

  // The run on its design: the database that went down shows the share of its calls that failed.
  await page.getByTestId('run.view-on-canvas').click();
  await expect(page.getByTestId('run-canvas.node.Orders DB')).toContainText(/failed [1-9][\d.]* %/);
  await expect(page.getByTestId('run-canvas.node.Orders DB')).toContainText('Database brief outage');
  await expect(page.getByTestId('run-canvas')).toContainText('⚠ Price cache unreachable');
  await page.getByTestId('run-canvas').screenshot({ path: testInfo.outputPath('run-canvas.png') });
});

test('the run dialog warns of a fault that starts after the run ends, until the run is long enough', async ({
  page,
  request,
}, testInfo) => {
  const late = {
    ...checkoutExample,
    name: 'Late outage',
    faults: checkoutExample.faults!.map((f) => ({ ...f, schedule: { ...f.schedule, startMs: 120_000 } })),
  };
  const design = await (await request.post('/api/designs', { data: late })).json();
  await page.goto(`/designs/${design.id}`);
  await page.getByTestId('editor.run').click();

  const warning = page.getByTestId('launch.warning');
  await expect(warning).toHaveText(
    '⚠ "Database brief outage" starts at 120 s, after the run ends at 60 s: it will never be active.',
  );
  await page.screenshot({ path: testInfo.outputPath('launch-warning.png') });

  await page.getByTestId('launch.duration').fill('180');
  await page.getByTestId('launch.duration').press('Enter');
  await expect(warning).toHaveCount(0);
});

test('a defence analysis says which defence helped, by how much and why', async ({ page, request }, testInfo) => {
  const design = await (await request.post('/api/designs', { data: guardedCheckout })).json();
  await page.goto(`/designs/${design.id}`);
  await page.getByTestId('editor.run').click();
  await page.getByTestId('launch.duration').fill('45');
  await page.getByTestId('launch.duration').press('Enter');
  await page.getByTestId('launch.scenario').selectOption('defence-analysis');
  await page.getByTestId('launch.start').click();
  await page.waitForURL(/\/runs\//);
  await new RunPage(page).waitUntilSucceeded();

  // One row per policy, by name; without the fallback the unreachable price cache fails every
  // request it touches, so the fallback helped, and by the most: it comes first.
  const rows = page.getByTestId('defences.verdict');
  await expect(rows).toHaveCount(3);
  const fallback = rows.first();
  await expect(fallback).toContainText('Checkout API · fallback · Checkout API → Price cache');
  await expect(fallback).toContainText('helped');
  await expect(fallback).toContainText(/availability [\d.]+ % with it, [\d.]+ % without: \+[\d.]+ points/);
  // The chaos run's own dashboard follows, with its verdict per fault.
  await expect(page.getByTestId('verdict.fault-line')).toHaveCount(2);
  await page.screenshot({ path: testInfo.outputPath('defence-analysis.png'), fullPage: true });
});

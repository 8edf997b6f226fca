import AxeBuilder from '@axe-core/playwright';
import { expect, test, type APIRequestContext, type Page } from '@playwright/test';
import { shop } from '../fixtures/shop.ts';
import { RunPage } from '../pages/run-page.ts';

/** The serious and critical violations axe finds on the page as it is, each with where it is. */
async function seriousViolations(page: Page, where: string) {
  const { violations } = await new AxeBuilder({ page }).analyze();
  // Every finding, minor ones included, kept with the run's results for a look.
  await test
    .info()
    .attach(`axe ${where}`, { body: JSON.stringify(violations, null, 2), contentType: 'application/json' });
  return violations
    .filter((v) => v.impact === 'serious' || v.impact === 'critical')
    .map((v) => ({ rule: v.id, help: v.help, where: v.nodes.map((n) => n.target.join(' ')).slice(0, 5) }));
}

async function finishedRun(request: APIRequestContext, designId: string, scenario: string): Promise<string> {
  const launched = await request.post('/api/runs', {
    data: { designId, settings: { durationMs: 30_000, seed: 7, scenario: { kind: scenario } } },
  });
  expect(launched.status()).toBe(202);
  const { id } = (await launched.json()) as { id: string };
  await expect
    .poll(async () => ((await (await request.get(`/api/runs/${id}`)).json()) as { status: string }).status, {
      timeout: 60_000,
    })
    .toBe('succeeded');
  return id;
}

test('the designs list, the editor, a dashboard and the comparison have no serious or critical violation', async ({
  page,
  request,
}, testInfo) => {
  test.setTimeout(180_000);
  const design = (await (await request.post('/api/designs', { data: shop })).json()) as { id: string };
  const [a, b] = [await finishedRun(request, design.id, 'single'), await finishedRun(request, design.id, 'single')];

  await page.goto('/');
  await expect(page.getByRole('link', { name: 'Shop' }).first()).toBeVisible();
  expect(await seriousViolations(page, 'designs list'), 'designs list').toEqual([]);

  await page.goto(`/designs/${design.id}`);
  await expect(page.getByTestId('node.Order service')).toBeVisible();
  expect(await seriousViolations(page, 'editor, design settings'), 'editor, design settings').toEqual([]);
  await page.getByTestId('node.Order service').click();
  await expect(page.getByTestId('resilience')).toBeVisible();
  expect(await seriousViolations(page, 'editor, a component'), 'editor, a component').toEqual([]);
  await page.screenshot({ path: testInfo.outputPath('editor-seven-components.png') });

  await page.goto(`/runs/${a}`);
  await new RunPage(page).waitUntilSucceeded();
  await expect(page.getByTestId('fault-windows')).toBeVisible();
  expect(await seriousViolations(page, 'dashboard'), 'dashboard').toEqual([]);

  await page.goto(`/compare?a=${a}&b=${b}`);
  await expect(page.getByTestId('compare').getByRole('table')).toBeVisible({ timeout: 30_000 });
  expect(await seriousViolations(page, 'comparison'), 'comparison').toEqual([]);
});

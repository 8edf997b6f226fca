import AxeBuilder from '@axe-core/playwright';
import { expect, test, type Page } from '@playwright/test';
import { checkoutExample, type StoredDesign } from '@faultline/schemas';
import { EditorPage } from '../pages/editor-page.ts';
import { RunPage } from '../pages/run-page.ts';

/** Serious and critical accessibility violations within `selector`, by rule. */
async function seriousViolations(page: Page, selector: string) {
  const { violations } = await new AxeBuilder({ page }).include(selector).analyze();
  return violations.filter((v) => v.impact === 'serious' || v.impact === 'critical').map((v) => v.id);
}

test('a client gets two weighted request classes, sees their shares, and finds them again after saving', async ({
  page,
  request,
}) => {
  const stored: StoredDesign = await (
    await request.post('/api/designs', { data: { ...checkoutExample, name: 'Request classes' } })
  ).json();
  await page.goto(`/designs/${stored.id}`);
  const editor = new EditorPage(page);
  await editor.select('Users');

  const classes = page.getByTestId('operations');
  await expect(classes.getByRole('heading', { name: 'Request classes' })).toBeVisible();
  await classes.getByTestId('operations.add').click();
  await classes.getByTestId('operations.add').click();
  const names = classes.getByTestId('operation.name');
  const weights = classes.getByTestId('operation.weight');
  await expect(names).toHaveCount(2);

  await names.nth(0).fill('Browse');
  await names.nth(0).press('Enter');
  await names.nth(1).fill('Checkout');
  await names.nth(1).press('Enter');
  await weights.nth(0).fill('3');
  await weights.nth(0).press('Enter');

  const shares = classes.getByTestId('operation.share');
  await expect(shares).toHaveText(['75 % of requests', '25 % of requests']);
  await expect(editor.node('Users').getByTestId('node.operations')).toHaveText('Browse 75 % · Checkout 25 %');
  // The client's call went with its first class; the second makes a call of its own.
  const checkout = classes.getByTestId('operation.operation-2');
  await expect(classes.getByTestId('call.users-api')).toHaveCount(1);
  await checkout.getByTestId('calls.connect').selectOption({ label: 'Checkout API' });
  await expect(classes.getByTestId('call.users-api')).toHaveCount(2);
  expect(await seriousViolations(page, '[data-testid="properties"]')).toEqual([]);

  await editor.save();
  await page.reload();
  await editor.select('Users');
  await expect(classes.getByTestId('operation.name').nth(0)).toHaveValue('Browse');
  await expect(classes.getByTestId('operation.name').nth(1)).toHaveValue('Checkout');
  await expect(classes.getByTestId('operation.weight').nth(0)).toHaveValue('3');
  await expect(classes.getByTestId('operation.weight').nth(1)).toHaveValue('1');
  await expect(shares).toHaveText(['75 % of requests', '25 % of requests']);

  const saved: StoredDesign = await (await request.get(`/api/designs/${stored.id}`)).json();
  const users = saved.components.find((c) => c.id === 'users')!;
  expect(users.calls).toEqual([]);
  expect(users.operations?.map((o) => [o.name, 'weight' in o ? o.weight : undefined, o.calls.length])).toEqual([
    ['Browse', 3, 1],
    ['Checkout', 1, 1],
  ]);
});

/**
 * The checkout whose users browse (weight 3: reads, answered by the API alone) or check out
 * (weight 1: writes, which reach the database that the outage takes down), each class with a target.
 */
const browseAndCheckout = {
  ...checkoutExample,
  name: 'Browse and checkout',
  components: checkoutExample.components.map((c) => {
    if (c.id === 'users')
      return {
        ...c,
        calls: [],
        operations: [
          { id: 'browse', name: 'Browse', weight: 3, calls: [{ connection: 'users-api', operation: 'read' }] },
          { id: 'checkout', name: 'Checkout', weight: 1, calls: [{ connection: 'users-api', operation: 'write' }] },
        ],
      };
    if (c.id === 'api')
      return {
        ...c,
        calls: [],
        operations: [
          { id: 'read', name: 'Read', calls: [] },
          { id: 'write', name: 'Write', calls: [{ connection: 'api-db' }] },
        ],
      };
    return c;
  }),
  slo: { ...checkoutExample.slo, classes: { browse: { availability: 0.99 }, checkout: { availability: 0.999 } } },
};

test('a run of request classes shows a card per class by name, and the filter switches the figures to one', async ({
  page,
  request,
}, testInfo) => {
  const design: StoredDesign = await (await request.post('/api/designs', { data: browseAndCheckout })).json();
  await page.goto(`/designs/${design.id}`);
  await page.getByTestId('editor.run').click();
  await page.getByTestId('launch.duration').fill('40');
  await page.getByTestId('launch.duration').press('Enter');
  await page.getByTestId('launch.scenario').selectOption('single');
  await page.getByTestId('launch.start').click();
  await page.waitForURL(/\/runs\//);
  await new RunPage(page).waitUntilSucceeded();

  const browse = page.getByTestId('class.browse');
  const checkout = page.getByTestId('class.checkout');
  await expect(browse).toContainText('Browse');
  await expect(browse).toContainText(/availability of [\d,]+ requests \(7\d\.\d % of all\)/);
  await expect(browse.getByTestId('class.verdict')).toHaveText(/^SLO availability met: 100\.00 % against ≥ 99\.00 %/);
  // Only checkouts reach the database that went down: their own target is missed.
  await expect(checkout.getByTestId('class.verdict')).toHaveText(
    /^SLO availability missed: [\d.]+ % against ≥ 99\.90 %/,
  );
  await expect(page.getByTestId('slo.verdict')).toContainText('Checkout availability');

  // The API's two operations, each beneath it in the component table, by name.
  await expect(page.getByTestId('components.operation').locator('th')).toHaveText([
    'Checkout API · Read',
    'Checkout API · Write',
  ]);

  await page.getByTestId('classes.filter').selectOption({ label: 'Browse requests' });
  await expect(page.getByTestId('kpi.availability')).toContainText('100.00 %');
  await expect(page.getByTestId('classes.scope')).toContainText('of Browse requests');
  // The run keeps each class's time series: the charts follow the filter.
  await expect(page.getByTestId('classes.scope')).toContainText('and so are the charts');
  await expect(page.getByTestId('chart.Throughput').locator('figcaption')).toHaveText(
    'Throughput of Browse requests (req/s)',
  );
  expect(await seriousViolations(page, '[data-testid="classes"]')).toEqual([]);
  await page.screenshot({ path: testInfo.outputPath('classes.png'), fullPage: true });
});

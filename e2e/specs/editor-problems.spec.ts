import { expect, test } from '@playwright/test';
import { openShop } from '../fixtures/shop.ts';

test('a loop of calls is drawn in red and named; each problem in the list leads to its part and field', async ({
  page,
}, testInfo) => {
  const editor = await openShop(page);
  await editor.select('Payment service');
  await page.getByTestId('calls.connect').selectOption({ label: 'Order service' });

  const count = page.getByTestId('editor.problems');
  await expect(count).toHaveText('1 problem');
  await expect(page.getByTestId('editor.save')).toBeDisabled();
  const loopEdges = page.locator('.react-flow__edge.in-loop');
  await expect(loopEdges).toHaveCount(2);
  await expect(page.locator('.react-flow__edge.in-loop[data-id="order-payment"]')).toBeVisible();
  await expect(loopEdges.first().locator('.react-flow__edge-path')).toHaveCSS('stroke', 'rgb(220, 38, 38)');

  await count.click();
  const problem = page.getByTestId('problem');
  await expect(problem).toHaveText(
    'Payment service → Order service: Calls form a loop: Order service → Payment service → Order service',
  );
  await page.screenshot({ path: testInfo.outputPath('loop-problem.png') });
  // Enter on the problem selects the connection that closes the loop and focuses what it says.
  await problem.focus();
  await page.keyboard.press('Enter');
  const properties = page.getByTestId('properties');
  await expect(properties.getByRole('heading', { level: 2 })).toHaveText('Payment service → Order service');
  await expect(page.getByTestId('connection.loop')).toBeFocused();

  // An async call closes no loop.
  await page.getByTestId('connection.mode').selectOption('async');
  await expect(count).toBeHidden();
  await expect(loopEdges).toHaveCount(0);

  // A field problem: the list names the component and the field, and a click focuses the field.
  await editor.select('Gateway');
  await page.getByTestId('properties.replicas').fill('0');
  await page.getByTestId('properties.replicas').press('Enter');
  await page.keyboard.press('Escape');
  await count.click();
  await expect(problem).toHaveText(/^Gateway · Replicas: /);
  await problem.click();
  await expect(page.getByTestId('properties.replicas')).toBeFocused();
});

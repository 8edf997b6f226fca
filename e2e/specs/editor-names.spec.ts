import { expect, test } from '@playwright/test';
import { openShop } from '../fixtures/shop.ts';

test('pickers, titles, call lists and new fault names read names, not ids', async ({ page }) => {
  const editor = await openShop(page);
  await editor.select('Order service');

  await expect(page.getByTestId('resilience.connection').locator('option')).toHaveText([
    'every call',
    'calls to Payment service',
    'calls to Email queue',
    'calls to Orders DB',
    'calls to Product cache',
  ]);
  await expect(page.getByTestId('policy.retry').locator('legend')).toHaveText('retry on calls to Payment service');
  const calls = page.getByTestId('calls');
  await expect(calls.locator('legend').first()).toHaveText('1. to Payment service');
  await expect(calls).not.toContainText('order-payment');

  await page.getByTestId('faults.type').selectOption('latency');
  await page.getByTestId('faults.add').click();
  await expect(page.getByTestId('faults').getByLabel('Name')).toHaveValue('latency on Order service');

  // A connection, chosen with the keyboard: its title and its new faults say where it goes.
  await page.locator('.react-flow__edge[data-id="order-email"]').focus();
  await page.keyboard.press('Enter');
  const title = page.getByTestId('properties').getByRole('heading', { level: 2 });
  await expect(title).toHaveText('Order service → Email queue');
  await expect(title).toHaveCSS('text-transform', 'none'); // shown as written, not "Order Service"

  await page.getByTestId('faults.type').selectOption('packet-loss');
  await page.getByTestId('faults.add').click();
  await expect(page.getByTestId('faults').getByLabel('Name')).toHaveValue('packet-loss on Order service → Email queue');

  await page.keyboard.press('Escape');
  await expect(page.getByTestId('faults.all')).toContainText('Slow payments (latency on Payment service)');
  await expect(page.getByTestId('faults.all')).toContainText('(packet-loss on Order service → Email queue)');
});

import { expect, test, type Page } from '@playwright/test';
import { openShop } from '../fixtures/shop.ts';

/** A select as the check below reads it (the e2e project has no DOM types). */
type SelectLike = {
  id: string;
  outerHTML: string;
  labels: ArrayLike<{ htmlFor: string; textContent: string | null }> | null;
};

/** Every select on the page that no label names through its `for`, by its outer HTML. */
const unlabelledSelects = (page: Page) =>
  page
    .locator('select')
    .evaluateAll((selects) =>
      (selects as unknown as SelectLike[])
        .filter((s) => !s.id || !Array.from(s.labels ?? []).some((l) => l.htmlFor === s.id && l.textContent?.trim()))
        .map((s) => s.outerHTML.slice(0, 120)),
    );

test('Escape goes back to the design settings, focus follows "Connect to", and every select is labelled', async ({
  page,
}) => {
  const editor = await openShop(page);
  const settings = page.getByTestId('design-settings');
  expect(await unlabelledSelects(page)).toEqual([]);

  await editor.select('Payment service');
  expect(await unlabelledSelects(page)).toEqual([]);
  await page.keyboard.press('Escape');
  await expect(settings).toBeVisible();
  await expect(settings.getByRole('heading', { name: 'Design' })).toBeFocused();
  await expect(page.locator('.react-flow__node.selected')).toHaveCount(0);
  await page.keyboard.press('Tab');
  await expect(page.getByTestId('design.name')).toBeFocused();

  // With the keyboard alone: a node, then a connection from the "Connect to" list.
  await page.locator('.react-flow__node[data-id="payment"]').focus();
  await page.keyboard.press('Enter');
  // Tabbed to, then chosen (selectOption alone would not move the focus).
  await page.getByTestId('calls.connect').focus();
  await page.getByTestId('calls.connect').selectOption({ label: 'Orders DB' });
  const title = page.getByTestId('properties').getByRole('heading', { level: 2 });
  await expect(title).toHaveText('Payment service → Orders DB');
  await expect(title).toBeFocused();
  expect(await unlabelledSelects(page)).toEqual([]);

  // Escape from a field of the connection, too.
  await page.getByTestId('connection.payloadBytes').focus();
  await page.keyboard.press('Escape');
  await expect(settings.getByRole('heading', { name: 'Design' })).toBeFocused();

  await page.getByTestId('editor.save').click();
  await expect(editor.status).toContainText('Saved');
  await page.getByTestId('editor.run').click();
  await expect(page.getByTestId('launch.start')).toBeVisible();
  expect(await unlabelledSelects(page)).toEqual([]);
});

import { expect, test } from '@playwright/test';
import { openShop } from '../fixtures/shop.ts';
import { EditorPage } from '../pages/editor-page.ts';

/** Tab 1 sets Gateway replicas 2 → 5; tab 2 meanwhile saves Orders DB concurrency 40. */
async function conflictingEdits(page: import('@playwright/test').Page) {
  const editor = await openShop(page);
  const id = page.url().split('/').pop()!;
  await editor.select('Gateway');
  await page.getByTestId('properties.replicas').fill('5');
  await page.getByTestId('properties.replicas').press('Enter');
  await expect(editor.status).toHaveText('Unsaved changes');

  const other = await page.context().newPage();
  await other.goto(`/designs/${id}`);
  const theirs = new EditorPage(other);
  await theirs.select('Orders DB');
  await other.getByTestId('properties.concurrency').fill('40');
  await other.getByTestId('properties.concurrency').press('Enter');
  await theirs.save();
  await other.close();

  await page.bringToFront();
  await page.keyboard.press('Control+s');
  await expect(page.getByTestId('conflict')).toBeVisible();
  return { editor, id };
}

test('a save conflict keeps the edit and its undo, shows the difference by name, and can overwrite with mine', async ({
  page,
}, testInfo) => {
  const { editor, id } = await conflictingEdits(page);
  // Behind the dialog: never "Saved" while the draft differs.
  await expect(editor.status).toHaveText('Unsaved changes · version 2 was saved elsewhere');

  await page.getByTestId('conflict.compare').click();
  const differences = page.getByTestId('conflict.differences');
  await expect(differences.getByRole('row', { name: 'Gateway Replicas 2 5' })).toBeVisible();
  await expect(differences.getByRole('row', { name: 'Orders DB Concurrency 40 10' })).toBeVisible();
  await expect(differences.getByRole('row')).toHaveCount(3); // the header and the two fields
  await page.screenshot({ path: testInfo.outputPath('conflict-difference.png') });

  await page.getByTestId('conflict.keep').click();
  await expect(page.getByTestId('conflict')).toBeHidden();
  await expect(page.getByTestId('properties.replicas')).toHaveValue('5');
  await expect(page.getByRole('button', { name: 'Undo' })).toBeEnabled();
  await expect(editor.status).toHaveText('Unsaved changes · version 2 was saved elsewhere');

  // Saving again meets the same conflict; this time mine goes over theirs.
  await page.getByTestId('editor.save').click();
  await page.getByTestId('conflict.overwrite').click();
  await expect(page.getByTestId('conflict')).toBeHidden();
  await expect(editor.status).toHaveText('Saved · version 3');
  const stored = await (await page.request.get(`/api/designs/${id}`)).json();
  const component = (componentId: string) => stored.components.find((c: { id: string }) => c.id === componentId);
  expect(component('gateway').replicas).toBe(5);
  expect(component('db').concurrency).toBe(10);
});

test('reloading theirs after a conflict is one undo away from mine', async ({ page }) => {
  const { editor } = await conflictingEdits(page);
  await page.getByTestId('conflict.reload').click();
  await expect(page.getByTestId('conflict')).toBeHidden();
  await expect(editor.status).toHaveText('Saved · version 2');
  await editor.select('Orders DB');
  await expect(page.getByTestId('properties.concurrency')).toHaveValue('40');
  await editor.select('Gateway');
  await expect(page.getByTestId('properties.replicas')).toHaveValue('2');

  await page.keyboard.press('Escape');
  await page.keyboard.press('Control+z');
  await editor.select('Gateway');
  await expect(page.getByTestId('properties.replicas')).toHaveValue('5');
  await expect(editor.status).toHaveText('Unsaved changes');
});

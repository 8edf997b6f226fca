import { readFile } from 'node:fs/promises';
import { expect, test, type Download, type Page } from '@playwright/test';
import { parse } from 'yaml';
import { checkoutExample, DesignSchema, designOf, type StoredDesign } from '@faultline/schemas';

/** The file a download link gives, read back by a real YAML parser. */
async function downloadedYaml(page: Page, click: () => Promise<void>): Promise<{ file: Download; data: unknown }> {
  const download = page.waitForEvent('download');
  await click();
  const file = await download;
  return { file, data: parse(await readFile((await file.path())!, 'utf8')) };
}

test('a design exports as YAML from the list and from the editor, and reads back as the same design', async ({
  page,
  request,
}) => {
  const created = await request.post('/api/designs', { data: { ...checkoutExample, name: 'YAML checkout' } });
  expect(created.status()).toBe(201);
  const stored: StoredDesign = await created.json();
  const design = designOf(stored);

  await page.goto('/');
  const row = page.getByTestId('designs.list').locator('tr', { hasText: 'YAML checkout' });
  await expect(row.getByTestId('export.json')).toBeVisible();
  const fromList = await downloadedYaml(page, () => row.getByTestId('export.yaml').click());
  expect(fromList.file.suggestedFilename()).toBe('yaml-checkout.faultline.yaml');
  expect(DesignSchema.parse(fromList.data)).toEqual(design);

  await page.goto(`/designs/${stored.id}`);
  const toolbar = page.getByRole('toolbar', { name: 'Design' });
  const fromEditor = await downloadedYaml(page, () => toolbar.getByTestId('export.yaml').click());
  expect(fromEditor.file.suggestedFilename()).toBe('yaml-checkout.faultline.yaml');
  expect(DesignSchema.parse(fromEditor.data)).toEqual(design);
});

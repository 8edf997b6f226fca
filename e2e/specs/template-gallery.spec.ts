import { expect, test, type APIRequestContext } from '@playwright/test';
import { EditorPage } from '../pages/editor-page.ts';
import { RunPage } from '../pages/run-page.ts';

/** A first start, whatever the specs before this one saved: no design left. */
async function removeEveryDesign(request: APIRequestContext): Promise<void> {
  for (;;) {
    const { items } = (await (await request.get('/api/designs?pageSize=100')).json()) as { items: { id: string }[] };
    if (items.length === 0) return;
    for (const { id } of items) expect((await request.delete(`/api/designs/${id}`)).status()).toBe(204);
  }
}

test('first start offers the examples; one opens ready to run and runs', async ({ page, request }, testInfo) => {
  await removeEveryDesign(request);
  await page.goto('/');
  // No designs yet: the gallery is the page, each example with the lesson it teaches.
  const gallery = page.getByTestId('designs.gallery');
  await expect(gallery).toBeVisible();
  await expect(gallery.locator('.gallery-card')).toHaveCount(8);
  await expect(gallery).toContainText('Retry storm');
  await expect(gallery).toContainText('Cascading failure through a slow dependency');
  await expect(gallery).toContainText('Queue backlog behind a slow consumer');
  await expect(gallery).toContainText('Checkout: database outage behind a cache');
  await page.screenshot({ path: testInfo.outputPath('gallery.png'), fullPage: true });

  await page.getByTestId('template.retry-storm').click();
  await page.waitForURL(/\/designs\/[^/]+$/);
  const editor = new EditorPage(page);
  await expect(editor.node('Shop API')).toBeVisible();
  await expect(editor.node('Inventory')).toContainText('1 fault');
  await expect(page.locator('.react-flow__edge')).toHaveCount(2);
  // Saved as it came, so it runs at once.
  await expect(editor.status).toHaveText('Saved · version 1');
  await page.getByTestId('editor.run').click();
  await page.getByTestId('launch.scenario').selectOption('single');
  await page.getByTestId('launch.start').click();
  await page.waitForURL(/\/runs\//);
  await new RunPage(page).waitUntilSucceeded();
  await expect(page.getByTestId('fault-windows')).toContainText('Inventory slows down');

  // With a design saved the list comes first, and the examples are one press away.
  await page.goto('/');
  await expect(page.getByTestId('designs.list')).toContainText('Retry storm');
  await expect(page.getByTestId('designs.gallery')).toBeHidden();
  await page.getByTestId('designs.from-example').click();
  await expect(page.getByTestId('designs.gallery')).toBeVisible();
  await page.getByTestId('template.retry-storm-with-breaker').click();
  await page.waitForURL(/\/designs\/[^/]+$/);
  await expect(editor.node('Shop API')).toContainText('4 policies');
});

test('a reference architecture with request classes opens, saves and runs through the real stack', async ({
  page,
}, testInfo) => {
  await page.goto('/');
  const fromExample = page.getByTestId('designs.from-example');
  if (await fromExample.isVisible()) await fromExample.click();
  await page.getByTestId('template.online-boutique').click();
  await page.waitForURL(/\/designs\/[^/]+$/);
  const editor = new EditorPage(page);
  await expect(editor.node('Frontend')).toBeVisible();
  await expect(editor.node('Shipping service')).toContainText('1 fault');
  await expect(page.locator('.react-flow__edge')).toHaveCount(16);
  // Saved with its operations and request classes, so the orchestrator runs what was drawn.
  await expect(editor.status).toHaveText('Saved · version 1');
  await page.getByTestId('editor.run').click();
  await page.getByTestId('launch.scenario').selectOption('single');
  await page.getByTestId('launch.start').click();
  await page.waitForURL(/\/runs\//);
  await new RunPage(page).waitUntilSucceeded();
  await expect(page.getByTestId('fault-windows')).toContainText('ShipOrder fails after payment');
  await page.screenshot({ path: testInfo.outputPath('online-boutique-run.png'), fullPage: true });
});

import { expect, test, type Locator, type Page } from '@playwright/test';
import type { StoredDesign } from '@faultline/schemas';
import { sevenComponents } from '../fixtures/seven-components.ts';
import { EditorPage } from '../pages/editor-page.ts';

/** What the page's own code is given (the e2e project compiles without the DOM's types). */
type PageGlobals = {
  document: { elementFromPoint(x: number, y: number): { closest(selector: string): unknown } | null };
};
type Box = { x: number; y: number; width: number; height: number };
const overlap = (a: Box, b: Box) =>
  a.x < b.x + b.width && b.x < a.x + a.width && a.y < b.y + b.height && b.y < a.y + a.height;

async function boxes(nodes: Locator): Promise<Box[]> {
  return Promise.all((await nodes.all()).map(async (n) => (await n.boundingBox())!));
}

/** True when no two components on the canvas cover each other. */
async function noneOverlap(page: Page): Promise<boolean> {
  const all = await boxes(page.locator('.react-flow__node'));
  return all.every((a, i) => all.slice(i + 1).every((b) => !overlap(a, b)));
}

test('an imported design without positions opens laid out, and the canvas reads like the system', async ({
  page,
}, testInfo) => {
  // A wide screen, as such a design is drawn on (and the screenshot is looked at).
  await page.setViewportSize({ width: 1600, height: 900 });
  await page.goto('/');
  await page.getByTestId('designs.import').setInputFiles({
    name: 'seven.json',
    mimeType: 'application/json',
    buffer: Buffer.from(JSON.stringify(sevenComponents)),
  });
  await page.waitForURL(/\/designs\/[^/]+$/);
  const editor = new EditorPage(page);
  await expect(editor.node('Email worker')).toBeVisible();
  await expect(page.locator('.react-flow__node')).toHaveCount(7);
  expect(await noneOverlap(page)).toBe(true);
  // Left to right, as traffic flows.
  const x = async (name: string) => (await editor.node(name).boundingBox())!.x;
  expect(await x('Shoppers')).toBeLessThan(await x('Edge gateway'));
  expect(await x('Edge gateway')).toBeLessThan(await x('Checkout API'));
  expect(await x('Checkout API')).toBeLessThan(await x('Orders DB'));

  // Each node says what it is, how much of it there is and how fast it works.
  await expect(editor.node('Checkout API')).toContainText('service · 2 × 16 · 8 ms p50 · 40 ms p99');
  await expect(editor.node('Orders DB')).toContainText('database · 1 × 20 · ~4 ms');
  await expect(editor.node('Orders DB')).toContainText('1 fault');
  // Edges point the way calls go; the async one is dashed; a connection's policies and faults sit on it.
  const paths = page.locator('.react-flow__edge-path');
  await expect(paths).toHaveCount(6);
  for (const path of await paths.all()) await expect(path).toHaveAttribute('marker-end', /url\(/);
  await expect(page.locator('.react-flow__edge.animated')).toHaveCount(1);
  await expect(page.locator('.react-flow__edge-text', { hasText: 'retry ×3' })).toHaveText(
    '⚡ latency · retry ×3 · breaker',
  );
  await page.screenshot({ path: testInfo.outputPath('editor-seven-components.png') });

  // The map, once shown, stays in its corner and lets pointers through to the drawing.
  await expect(page.locator('.react-flow__minimap')).toHaveCount(0);
  await page.getByTestId('canvas.map').click();
  const map = page.locator('.react-flow__minimap');
  await expect(map).toBeVisible();
  const box = (await map.boundingBox())!;
  const under = await page.evaluate(
    ([cx, cy]) =>
      !!(globalThis as unknown as PageGlobals).document.elementFromPoint(cx!, cy!)?.closest('.react-flow__minimap'),
    [box.x + box.width / 2, box.y + box.height / 2],
  );
  expect(under).toBe(false);
  await page.getByTestId('canvas.map').click();
  await expect(map).toHaveCount(0);
});

test('palette clicks place new parts on free space, and auto-layout untangles a heap', async ({ page, request }) => {
  // Every component at the same spot: what a script writing positions badly leaves.
  const heap = {
    ...sevenComponents,
    name: 'Heap',
    components: sevenComponents.components.map((c) => ({ ...c, position: { x: 100, y: 100 } })),
  };
  const stored: StoredDesign = await (await request.post('/api/designs', { data: heap })).json();
  await page.goto(`/designs/${stored.id}`);
  const editor = new EditorPage(page);
  await expect(page.locator('.react-flow__node')).toHaveCount(7);
  expect(await noneOverlap(page)).toBe(false);

  await page.getByTestId('canvas.layout').click();
  await expect.poll(() => noneOverlap(page)).toBe(true);
  await expect(editor.status).toHaveText('Unsaved changes');

  for (let i = 0; i < 3; i++) await page.getByTestId('palette.service').click();
  await expect(page.locator('.react-flow__node')).toHaveCount(10);
  await page.getByTestId('canvas.layout').click();
  await expect.poll(() => noneOverlap(page)).toBe(true);
});

test('three palette clicks in a fresh design give three parts side by side', async ({ page, request }) => {
  const stored: StoredDesign = await (
    await request.post('/api/designs', {
      data: {
        name: 'Fresh',
        components: [{ id: 'clients', name: 'Clients', kind: 'client', position: { x: 0, y: 120 } }],
        workload: { entry: 'clients', arrival: { kind: 'poisson', ratePerSecond: 10 } },
      },
    })
  ).json();
  await page.goto(`/designs/${stored.id}`);
  for (let i = 0; i < 3; i++) await page.getByTestId('palette.service').click();
  await expect(page.locator('.react-flow__node')).toHaveCount(4);
  expect(await noneOverlap(page)).toBe(true);
});

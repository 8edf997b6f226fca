import { expect, test } from '@playwright/test';
import { DesignsPage } from '../pages/designs-page.ts';
import { EditorPage } from '../pages/editor-page.ts';
import { RunPage } from '../pages/run-page.ts';

test('build a design from the palette, add a fault and resilience, save, reload, run baseline-vs-chaos and read the dashboard', async ({
  page,
}, testInfo) => {
  const editor = await DesignsPage.createDesign(page);
  await expect(editor.node('Clients')).toBeVisible();

  // client → gateway → service → database, dragged from the palette and connected by handles.
  await editor.dragFromPalette('gateway', 260, 120);
  await editor.dragFromPalette('service', 260, 300);
  await editor.dragFromPalette('database', 520, 300);
  await expect(editor.node('Database')).toBeVisible();
  await editor.connect('Clients', 'Gateway');
  await editor.connect('Gateway', 'Service');
  await editor.connect('Service', 'Database');
  await expect(page.locator('.react-flow__edge')).toHaveCount(3);

  // A crash of the database, and a retry with a circuit breaker on the service's calls to it.
  await editor.select('Database');
  await page.getByTestId('faults.type').selectOption('crash');
  await page.getByTestId('faults.add').click();
  await editor.select('Service');
  await page.getByTestId('resilience.connection').selectOption('service-database');
  await page.getByTestId('resilience.type').selectOption('retry');
  await page.getByTestId('resilience.add').click();
  await page.getByTestId('resilience.type').selectOption('circuit-breaker');
  await page.getByTestId('resilience.add').click();
  await expect(page.getByTestId('policy.circuit-breaker')).toBeVisible();
  await editor.save();
  await page.screenshot({ path: testInfo.outputPath('editor-saved.png') });

  // Reloaded from the server: everything is still there.
  await page.reload();
  await expect(editor.node('Database')).toContainText('1 fault');
  await expect(editor.node('Service')).toContainText('2 policies');
  await expect(page.locator('.react-flow__edge')).toHaveCount(3);
  await expect(editor.status).toContainText('Saved · version 2');

  // Launch baseline-vs-chaos and follow it to the end.
  await page.getByTestId('editor.run').click();
  await page.getByTestId('launch.scenario').selectOption('baseline-vs-chaos');
  await page.getByTestId('launch.start').click();
  await page.waitForURL(/\/runs\//);
  const run = new RunPage(page);
  await run.waitUntilSucceeded();

  await expect(page.getByTestId('fault-windows')).toContainText('crash on Database');
  await expect(page.getByTestId('fault-windows')).toContainText('recovered');
  await expect(page.locator('.fault-window').first()).toBeAttached();
  await expect(page.getByTestId('breakers')).toContainText('Service → Database');
  await expect(page.getByTestId('event.circuit-transition').first()).toBeVisible();
  await expect(page.getByTestId('comparison')).toBeVisible();
  await page.screenshot({ path: testInfo.outputPath('dashboard.png'), fullPage: true });

  const download = page.waitForEvent('download');
  await page.getByTestId('download.csv').click();
  const file = await download;
  expect(file.suggestedFilename()).toMatch(/^faultline-run-.*\.csv$/);
  expect((await file.path()) && true).toBe(true);
});

test('a design can be built with the keyboard alone: palette buttons and the connect list', async ({ page }) => {
  const editor = await DesignsPage.createDesign(page);
  await page.getByTestId('palette.service').focus();
  await page.keyboard.press('Enter');
  await page.getByTestId('palette.database').focus();
  await page.keyboard.press('Enter');
  await expect(editor.node('Database')).toBeVisible();
  // React Flow's nodes take focus; Enter selects the focused one.
  await page.locator('.react-flow__node[data-id="clients"]').focus();
  await page.keyboard.press('Enter');
  await page.getByTestId('calls.connect').selectOption({ label: 'Service' });
  await page.locator('.react-flow__node[data-id="service"]').focus();
  await page.keyboard.press('Enter');
  await expect(page.getByTestId('properties')).toContainText('service');
  await page.getByTestId('calls.connect').selectOption({ label: 'Database' });
  await expect(page.locator('.react-flow__edge')).toHaveCount(2);
  await page.keyboard.press('Control+s');
  await expect(editor.status).toContainText('Saved · version 2');
});

test('a scenario preset fills in its faults for the selected component', async ({ page }) => {
  const editor = await DesignsPage.createDesign(page);
  await page.getByTestId('palette.database').click();
  await expect(page.getByTestId('properties')).toBeVisible();
  await page.getByTestId('faults.preset').selectOption('database-outage-brief');
  // The orchestrator's preset, a crash refusing every connection, now on this database.
  await expect(page.getByTestId('fault.crash-database')).toBeVisible();
  await expect(page.getByTestId('fault.crash-database').getByLabel('Mode')).toHaveValue('refuse');
  await expect(editor.node('Database')).toContainText('1 fault');

  // With the orchestrator out of reach, choosing a preset says so and adds nothing.
  await page.route('**/api/scenario-presets/*/faults*', (route) => route.abort('connectionrefused'));
  await page.getByTestId('faults.preset').selectOption('database-outage-extended');
  await expect(page.getByRole('alert')).toContainText('could not be reached; no fault was added');
  await expect(editor.node('Database')).toContainText('1 fault');
});

test('an invalid value shows its error and blocks saving', async ({ page }) => {
  const editor = await DesignsPage.createDesign(page);
  await page.getByTestId('palette.service').click();
  await page.getByTestId('properties.replicas').fill('0');
  await page.getByTestId('properties.replicas').press('Enter');
  await expect(page.getByRole('alert').filter({ hasText: /too small|>=\s*1|at least/i })).toBeVisible();
  await expect(editor.node('Service')).toContainText('1 problem');
  await expect(page.getByTestId('editor.save')).toBeDisabled();
  await page.getByTestId('properties.replicas').fill('2');
  await page.getByTestId('properties.replicas').press('Enter');
  await expect(page.getByTestId('editor.save')).toBeEnabled();
});

test('an edit saved from a second tab meets the conflict dialog, never a silent overwrite', async ({
  page,
  context,
}) => {
  const first = await DesignsPage.createDesign(page);
  const other = await context.newPage();
  await other.goto(page.url());
  const second = new EditorPage(other);
  await expect(second.node('Clients')).toBeVisible();

  await other.getByTestId('palette.cache').click();
  await second.save();

  await page.getByTestId('palette.queue').click();
  await page.getByTestId('editor.save').click();
  await expect(page.getByTestId('conflict')).toBeVisible();
  await page.getByTestId('conflict.reload').click();
  await expect(first.node('Cache')).toBeVisible();
  await expect(first.node('Queue')).toHaveCount(0);
  await expect(first.status).toContainText('Saved · version 2');
});

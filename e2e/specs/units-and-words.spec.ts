import { expect, test } from '@playwright/test';
import { checkoutExample, type StoredDesign } from '@faultline/schemas';
import { EditorPage } from '../pages/editor-page.ts';

test('durations are typed with units, labels and messages read in words, the run dialog remembers', async ({
  page,
  request,
}) => {
  const stored: StoredDesign = await (
    await request.post('/api/designs', { data: { ...checkoutExample, name: 'Units' } })
  ).json();
  await page.goto(`/designs/${stored.id}`);
  const editor = new EditorPage(page);
  await expect(editor.node('Orders DB')).toBeVisible();

  // Design settings: a client timeout of 2 s and an MTTR target of a minute, typed as people say them.
  const timeout = page.getByTestId('workload.clientTimeoutMs');
  await timeout.fill('2s');
  await timeout.press('Enter');
  await expect(timeout).toHaveValue('2000');
  const mttr = page.getByTestId('slo.mttrMs');
  await mttr.fill('1m');
  await mttr.press('Enter');
  await expect(mttr).toHaveValue('60000');
  await expect(page.getByText('MTTR (ms; empty switches it off)')).toBeVisible();

  // A spike in the load profile: fields named in words, its start typed in seconds.
  await page.getByRole('button', { name: 'Add a spike' }).click();
  const profile = page.getByRole('group', { name: 'Load profile' });
  await expect(profile.getByLabel('Starts at')).toBeVisible();
  await expect(profile.getByLabel('Traffic multiplied by')).toBeVisible();
  await expect(profile).not.toContainText('atMs');
  await expect(profile).not.toContainText('durationMs');
  const startsAt = page.getByTestId('profile.0.atMs');
  await startsAt.fill('25s');
  await startsAt.press('Enter');
  await expect(startsAt).toHaveValue('25000');

  // A mistake reads in plain words, not the library's.
  await editor.select('Checkout API');
  const replicas = page.getByTestId('properties.replicas');
  await replicas.fill('0');
  await replicas.press('Enter');
  await expect(page.getByRole('alert').filter({ hasText: 'must be at least 1' })).toBeVisible();
  await expect(page.getByText('Too small')).toHaveCount(0);
  await replicas.fill('2');
  await replicas.press('Enter');

  await editor.save();
  const saved: StoredDesign = await (await request.get(`/api/designs/${stored.id}`)).json();
  expect(saved.workload.clientTimeoutMs).toBe(2000);
  expect(saved.slo.mttrMs).toBe(60_000);
  expect(saved.workload.profile).toEqual([{ kind: 'spike', atMs: 25_000, durationMs: 5_000, multiplier: 3 }]);

  // The run dialog reads 2m and 10s, and opens next time with what it launched.
  await page.getByTestId('editor.run').click();
  await page.getByTestId('launch.duration').fill('2m');
  await page.getByTestId('launch.warmup').fill('10s');
  await page.getByTestId('launch.scenario').selectOption('single');
  await page.getByTestId('launch.start').click();
  await page.waitForURL(/\/runs\/([^/]+)$/);
  const runId = new URL(page.url()).pathname.split('/').pop();
  const run = await (await request.get(`/api/runs/${runId}`)).json();
  expect(run.settings).toMatchObject({ durationMs: 120_000, warmupMs: 10_000, scenario: { kind: 'single' } });

  await page.goto(`/designs/${stored.id}`);
  await page.getByTestId('editor.run').click();
  await expect(page.getByTestId('launch.duration')).toHaveValue('2m');
  await expect(page.getByTestId('launch.warmup')).toHaveValue('10s');
  await expect(page.getByTestId('launch.scenario')).toHaveValue('single');
});

test('a malformed import says so in words, and its message leaves the buttons as they were', async ({ page }) => {
  await page.goto('/');
  const newDesign = page.getByTestId('designs.new');
  const before = (await newDesign.boundingBox())!;
  await page.getByTestId('designs.import').setInputFiles({
    name: 'broken.json',
    mimeType: 'application/json',
    buffer: Buffer.from('{"name": "half a design", "components": ['),
  });
  const problem = page.getByTestId('import.problem');
  await expect(problem).toContainText('“broken.json” cannot be read as JSON');
  await expect(problem).not.toContainText('Unexpected');
  await expect(problem).not.toContainText('JSON at position');
  const after = (await newDesign.boundingBox())!;
  expect(after.height).toBe(before.height);
});

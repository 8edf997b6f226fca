import { expect, test } from '@playwright/test';
import { checkoutExample, type StoredDesign } from '@faultline/schemas';
import { EditorPage } from '../pages/editor-page.ts';

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

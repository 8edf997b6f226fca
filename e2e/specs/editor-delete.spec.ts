import { expect, test } from '@playwright/test';
import { openShop } from '../fixtures/shop.ts';

test('deleting a component says what else it takes, and one undo (or the notice) restores all of it', async ({
  page,
}, testInfo) => {
  const editor = await openShop(page);
  const edges = page.locator('.react-flow__edge');
  const notice = page.getByTestId('removal-notice');
  await expect(edges).toHaveCount(6);
  await expect(editor.node('Order service')).toContainText('4 policies');

  const deletePayment = async () => {
    await editor.select('Payment service');
    await page.keyboard.press('Delete');
    await expect(editor.node('Payment service')).toHaveCount(0);
    await expect(notice).toContainText('Deleted Payment service: also removes 1 fault, 1 connection, 4 policies');
    await expect(edges).toHaveCount(5);
    await expect(editor.node('Order service')).not.toContainText('policies');
  };
  const everythingBack = async () => {
    await expect(editor.node('Payment service')).toContainText('1 fault');
    await expect(edges).toHaveCount(6);
    await expect(editor.node('Order service')).toContainText('4 policies');
    await expect(notice).toBeHidden();
    await editor.select('Order service');
    await expect(page.getByTestId('calls')).toContainText('1. to Payment service');
    await page.keyboard.press('Escape');
  };

  await deletePayment();
  await page.screenshot({ path: testInfo.outputPath('removal-notice.png') });
  await page.keyboard.press('Control+z');
  await everythingBack();

  await deletePayment();
  await notice.getByRole('button', { name: 'Undo' }).click();
  await everythingBack();
});

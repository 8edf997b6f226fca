import { expect, type Page } from '@playwright/test';

export class RunPage {
  constructor(readonly page: Page) {}

  async waitUntilSucceeded() {
    await expect(this.page.getByTestId('run.status')).toHaveText('succeeded', { timeout: 60_000 });
  }
}

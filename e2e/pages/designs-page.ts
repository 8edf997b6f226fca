import type { Page } from '@playwright/test';

export class DesignsPage {
  constructor(private readonly page: Page) {}

  async open() {
    await this.page.goto('/');
  }

  /** Creates a design and lands in its editor. */
  async createDesign() {
    await this.page.getByTestId('designs.new').click();
    await this.page.waitForURL(/\/designs\/[^/]+$/);
  }
}

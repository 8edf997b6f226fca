import type { Page } from '@playwright/test';
import { EditorPage } from './editor-page.ts';

export class DesignsPage {
  constructor(private readonly page: Page) {}

  async open() {
    await this.page.goto('/');
  }

  /** From the designs list, creates a design and lands in its editor. */
  static async createDesign(page: Page): Promise<EditorPage> {
    const designs = new DesignsPage(page);
    await designs.open();
    await page.getByTestId('designs.new').click();
    await page.waitForURL(/\/designs\/[^/]+$/);
    return new EditorPage(page);
  }
}

import { expect, type Locator, type Page } from '@playwright/test';

export class EditorPage {
  readonly canvas: Locator;
  readonly status: Locator;

  constructor(readonly page: Page) {
    this.canvas = page.getByTestId('canvas');
    this.status = page.getByTestId('editor.status');
  }

  node(name: string): Locator {
    return this.page.getByTestId(`node.${name}`);
  }

  /** Drags a kind from the palette onto the canvas at (x, y) inside it. */
  async dragFromPalette(kind: string, x: number, y: number) {
    await this.page.getByTestId(`palette.${kind}`).dragTo(this.canvas, { targetPosition: { x, y } });
  }

  /** Connects two components by dragging from the source's right handle to the target's left one. */
  async connect(from: string, to: string) {
    const source = this.node(from).locator('.react-flow__handle-right');
    const target = this.node(to).locator('.react-flow__handle-left');
    const a = (await source.boundingBox())!;
    const b = (await target.boundingBox())!;
    await this.page.mouse.move(a.x + a.width / 2, a.y + a.height / 2);
    await this.page.mouse.down();
    await this.page.mouse.move(b.x + b.width / 2, b.y + b.height / 2, { steps: 12 });
    await this.page.mouse.up();
  }

  async select(name: string) {
    await this.node(name).click();
    await expect(this.page.getByTestId('properties')).toBeVisible();
  }

  async save() {
    await this.page.getByTestId('editor.save').click();
    await expect(this.status).toContainText('Saved');
  }
}

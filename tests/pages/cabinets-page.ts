import { expect, type Locator, type Page } from '@playwright/test';
import { input } from './mantine';

export class CabinetsPage {
  readonly heading: Locator;
  readonly form: Locator;
  readonly name: Locator;
  readonly room: Locator;
  readonly table: Locator;

  constructor(page: Page) {
    this.heading = page.getByRole('heading', { name: '保密柜', level: 2 });
    this.form = page.getByRole('form', { name: '登记保密柜' });
    this.name = input(this.form, '名称');
    this.room = input(this.form, '所在房间');
    this.table = page.getByRole('table', { name: '保密柜清单' });
  }

  async expectShown(): Promise<void> {
    await expect(this.heading).toBeVisible();
  }

  async register(name: string, room: string): Promise<void> {
    await this.name.fill(name);
    await this.room.fill(room);
    await this.room.press('Enter');
    await expect(this.table.getByRole('row').filter({ hasText: name })).toBeVisible();
  }
}

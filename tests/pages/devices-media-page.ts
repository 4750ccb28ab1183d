import { expect, type Locator, type Page } from '@playwright/test';
import { input, pickOption } from './mantine';

export interface NewMedium {
  number: string;
  kind?: 'U盘' | '移动硬盘' | '光盘' | '存储卡' | '磁带';
  level: '绝密' | '机密' | '秘密' | '内部';
  serial?: string;
  capacity?: string;
  responsible: string;
  backup?: boolean;
}

/** 移动存储介质: the list and the registration dialog. */
export class DevicesMediaPage {
  readonly heading: Locator;
  readonly total: Locator;
  readonly table: Locator;
  readonly registerButton: Locator;
  readonly form: Locator;

  constructor(private readonly page: Page) {
    this.heading = page.getByRole('heading', { name: '移动存储介质', level: 2 });
    this.total = page.getByTestId('medium-total');
    this.table = page.getByRole('table', { name: '移动存储介质台账' });
    this.registerButton = page.getByRole('button', { name: '登记移动存储介质' });
    this.form = page.getByRole('form', { name: '登记移动存储介质' });
  }

  async goTo(): Promise<void> {
    await this.page.getByRole('navigation').getByRole('button', { name: '移动存储介质' }).click();
    await expect(this.heading).toBeVisible();
    await expect(this.total).toBeVisible();
  }

  row(number: string): Locator {
    return this.table.locator(`tbody tr[data-number="${number}"]`);
  }

  async register(m: NewMedium): Promise<void> {
    await this.registerButton.click();
    await expect(this.form).toBeVisible();
    const f = this.form;
    await input(f, '介质编号').fill(m.number);
    if (m.kind) await pickOption(this.page, input(f, '类型'), m.kind);
    await pickOption(this.page, input(f, '密级'), m.level);
    if (m.serial) await input(f, '序列号').fill(m.serial);
    if (m.capacity) await input(f, '容量').fill(m.capacity);
    await pickOption(this.page, input(f, '责任人'), m.responsible, m.responsible);
    if (m.backup) await f.getByRole('button', { name: '本系统备份介质' }).click();
    await input(f, '介质编号').press('Enter');
    await expect(this.form).toHaveCount(0);
  }
}

import { expect, type Locator, type Page } from '@playwright/test';
import { input, pickOption } from './mantine';

export interface NewComputer {
  number: string;
  level: '绝密' | '机密' | '秘密' | '内部';
  kind?: '台式' | '便携';
  model?: string;
  responsible: string;
  user?: string;
  location?: string;
  disks?: { serial: string; capacity?: string }[];
  flags?: ('主机审计' | '违规外联监控' | '无线已拆除' | '音视频已禁用')[];
}

/** 涉密计算机: the list and the registration dialog. */
export class DevicesComputersPage {
  readonly heading: Locator;
  readonly total: Locator;
  readonly table: Locator;
  readonly registerButton: Locator;
  readonly form: Locator;

  constructor(private readonly page: Page) {
    this.heading = page.getByRole('heading', { name: '涉密计算机', level: 2 });
    this.total = page.getByTestId('computer-total');
    this.table = page.getByRole('table', { name: '涉密计算机台账' });
    this.registerButton = page.getByRole('button', { name: '登记涉密计算机' });
    this.form = page.getByRole('form', { name: '登记涉密计算机' });
  }

  async goTo(): Promise<void> {
    await this.page.getByRole('navigation').getByRole('button', { name: '涉密计算机' }).click();
    await expect(this.heading).toBeVisible();
    await expect(this.total).toBeVisible();
  }

  row(number: string): Locator {
    return this.table.locator(`tbody tr[data-number="${number}"]`);
  }

  /** Fills the dialog the way the officer would and submits with Enter; the computer's page opens. */
  async register(c: NewComputer): Promise<void> {
    await this.registerButton.click();
    await expect(this.form).toBeVisible();
    const f = this.form;
    await input(f, '设备编号').fill(c.number);
    await pickOption(this.page, input(f, '密级'), c.level);
    if (c.kind) await pickOption(this.page, input(f, '类型'), c.kind);
    if (c.model) await input(f, '品牌型号').fill(c.model);
    await pickOption(this.page, input(f, '责任人'), c.responsible, c.responsible);
    if (c.user) await pickOption(this.page, input(f, '使用人'), c.user, c.user);
    for (const [i, d] of (c.disks ?? []).entries()) {
      if (i > 0) await f.getByRole('button', { name: '添加硬盘' }).click();
      await f.getByRole('textbox', { name: `硬盘${i + 1}序列号` }).fill(d.serial);
      if (d.capacity) await f.getByRole('textbox', { name: `硬盘${i + 1}容量` }).fill(d.capacity);
    }
    for (const flag of c.flags ?? []) await f.getByRole('checkbox', { name: flag }).check();
    const location = input(f, '放置地点');
    await location.fill(c.location ?? '');
    await location.press('Enter');
    await expect(this.form).toHaveCount(0);
  }
}

import { expect, type Page } from '@playwright/test';
import { DeviceListPage } from './device-list-page';
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
export class DevicesComputersPage extends DeviceListPage {
  constructor(page: Page) {
    super(page, { nav: '涉密计算机', totalTestId: 'computer-total', register: '登记涉密计算机' });
  }

  /** Fills the dialog the way the officer would and submits with Enter; the computer's page opens. */
  async register(c: NewComputer): Promise<void> {
    const f = await this.openForm();
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

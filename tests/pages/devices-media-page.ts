import { expect, type Page } from '@playwright/test';
import { DeviceListPage } from './device-list-page';
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
export class DevicesMediaPage extends DeviceListPage {
  constructor(page: Page) {
    super(page, { nav: '移动存储介质', totalTestId: 'medium-total', register: '登记移动存储介质' });
  }

  async register(m: NewMedium): Promise<void> {
    const f = await this.openForm();
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

import type { Locator, Page } from '@playwright/test';
import { DetailPage } from './detail-page';
import { input, pickOption, typeName } from './mantine';

/** A designated computer's page: desk-side usage entry, actions (dialogs), fields, record and book. */
export class DevicesComputerDetailPage extends DetailPage {
  readonly level: Locator;
  readonly usageStatus: Locator;

  constructor(page: Page) {
    super(page);
    this.level = page.getByTestId('detail-level');
    this.usageStatus = page.getByTestId('usage-status');
  }

  /** the check date defaults to today; the label checkbox is what is asked. */
  async enable(): Promise<void> {
    await this.action('启用').click();
    await this.dialog.getByRole('checkbox', { name: /已粘贴涉密计算机标识/ }).check();
    await this.dialog.getByRole('button', { name: '登记启用' }).click();
    await this.expectDialogClosed();
  }

  async passwordChanged(length: number): Promise<void> {
    await this.action('口令更换').click();
    await input(this.dialog, '新口令长度').fill(String(length));
    await this.dialog.getByRole('checkbox', { name: /新口令同时包含/ }).check();
    await input(this.dialog, '新口令长度').press('Enter');
    await this.expectDialogClosed();
  }

  /** 开始使用: the user is preselected (the computer's user); the work is typed. */
  async startNow(work: string, user?: string): Promise<void> {
    const form = this.page.getByRole('form', { name: '开始使用' });
    if (user) await pickOption(this.page, input(form, '使用人'), user, user);
    await input(form, '工作内容').fill(work);
    await input(form, '工作内容').press('Enter');
  }

  async endNow(v: { highestLevel?: string; media?: string[]; anomalies?: string } = {}): Promise<void> {
    const form = this.page.getByRole('form', { name: '结束使用' });
    if (v.highestLevel) await pickOption(this.page, input(form, '最高密级'), v.highestLevel);
    for (const m of v.media ?? []) await form.getByRole('checkbox', { name: m }).check();
    if (v.anomalies) await input(form, '异常情况').fill(v.anomalies);
    await form.getByRole('button', { name: '结束使用' }).click();
  }

  /** R-33 送外维修: opens the dialog and fills it; the caller ticks disks and submits. */
  async startSentOutRepair(v: { fault: string; repairer: string; keptAt: string; approver: string }): Promise<void> {
    await this.action('维修').click();
    await this.dialog.getByText('送外维修', { exact: true }).click();
    await input(this.dialog, '故障情况').fill(v.fault);
    await input(this.dialog, '维修单位/人员').fill(v.repairer);
    await typeName(input(this.dialog, '硬盘存放位置'), v.keptAt);
    await typeName(input(this.dialog, '批准人'), v.approver);
  }

  disk(label: string): Locator {
    return this.dialog.getByRole('checkbox', { name: label });
  }

  async submitRepair(): Promise<void> {
    await this.dialog.getByRole('button', { name: '登记维修' }).click();
  }

  async finishRepair(): Promise<void> {
    await this.action('维修验收').click();
    await this.dialog.getByRole('button', { name: '登记验收' }).click();
    await this.expectDialogClosed();
  }

  async openTab(name: '记录' | '使用登记簿' | '缺少使用登记的工作日'): Promise<void> {
    await this.page.getByRole('tab', { name }).click();
  }

  get usageBook(): Locator {
    return this.page.getByRole('table', { name: '使用登记簿' });
  }
}

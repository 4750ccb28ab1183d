import type { Locator, Page } from '@playwright/test';
import { DetailPage } from './detail-page';
import { input, pickOption } from './mantine';

/** A medium's page: R-36 findings, actions (dialogs), fields, bound computers and record. */
export class DevicesMediumDetailPage extends DetailPage {
  readonly findings: Locator;
  readonly boundComputers: Locator;

  constructor(page: Page) {
    super(page);
    this.findings = page.getByTestId('medium-findings');
    this.boundComputers = page.getByTestId('bound-computers');
  }

  /** the recipient signs; the pledge date defaults to today. */
  async issue(recipient: string): Promise<void> {
    await this.action('配发').click();
    await pickOption(this.page, input(this.dialog, '领用人'), recipient, recipient);
    await this.dialog.getByRole('checkbox', { name: /领用人已签字/ }).check();
    await this.dialog.getByRole('button', { name: '登记配发' }).click();
    await this.expectDialogClosed();
  }

  async bind(computerNumber: string): Promise<void> {
    await this.action('绑定计算机').click();
    await pickOption(this.page, input(this.dialog, '计算机'), computerNumber, computerNumber);
    await this.dialog.getByRole('button', { name: '绑定', exact: true }).click();
    await this.expectDialogClosed();
  }

  /** Opens 登记使用, picks a computer of the ledger and submits with Enter in 内容摘要. */
  async recordUse(v: { computer: string; summary: string; operation?: string }): Promise<void> {
    await this.action('登记使用').click();
    await pickOption(this.page, input(this.dialog, '计算机'), v.computer, v.computer);
    if (v.operation) await pickOption(this.page, input(this.dialog, '操作'), v.operation);
    await input(this.dialog, '内容摘要').fill(v.summary);
    await input(this.dialog, '内容摘要').press('Enter');
  }

  async closeDialog(): Promise<void> {
    await this.dialog.getByRole('button', { name: '取消' }).click();
    await this.expectDialogClosed();
  }
}

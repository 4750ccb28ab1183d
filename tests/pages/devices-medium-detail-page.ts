import { expect, type Locator, type Page } from '@playwright/test';
import { input, pickOption } from './mantine';

/** A medium's page: R-36 findings, actions (dialogs), fields, bound computers and record. */
export class DevicesMediumDetailPage {
  readonly number: Locator;
  readonly stateBadge: Locator;
  readonly toolbar: Locator;
  readonly dialog: Locator;
  readonly dialogError: Locator;
  readonly findings: Locator;
  readonly boundComputers: Locator;
  readonly timeline: Locator;

  constructor(private readonly page: Page) {
    this.number = page.getByTestId('detail-number');
    this.stateBadge = page.getByTestId('detail-number').locator('..').getByTestId('state-badge');
    this.toolbar = page.getByRole('toolbar', { name: '办理' });
    this.dialog = page.getByRole('dialog');
    this.dialogError = this.dialog.getByTestId('form-error');
    this.findings = page.getByTestId('medium-findings');
    this.boundComputers = page.getByTestId('bound-computers');
    this.timeline = page.getByRole('table', { name: '记录' });
  }

  async expectShown(number: string): Promise<void> {
    await expect(this.number).toHaveText(number);
  }

  action(name: string): Locator {
    return this.toolbar.getByRole('button', { name, exact: true });
  }

  async expectDialogClosed(): Promise<void> {
    await expect(this.dialog).toHaveCount(0);
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

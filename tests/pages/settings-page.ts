import { expect, type Locator, type Page } from '@playwright/test';
import { toast } from './mantine';

export class SettingsPage {
  readonly heading: Locator;
  readonly idleMinutes: Locator;
  readonly saveButton: Locator;
  readonly current: Locator;
  readonly next: Locator;
  readonly confirm: Locator;
  readonly passphraseSummary: Locator;
  readonly rulesForm: Locator;
  readonly maxLoanDays: Locator;
  readonly carrierNumberPattern: Locator;
  readonly saveRulesButton: Locator;
  readonly reissueForm: Locator;
  readonly reissuePassphrase: Locator;
  readonly reissueButton: Locator;

  constructor(private readonly page: Page) {
    this.heading = page.getByRole('heading', { name: '设置', level: 2 });
    this.idleMinutes = page.getByLabel('空闲自动锁定（分钟）');
    this.saveButton = page.getByRole('button', { name: '保存设置' });
    this.current = page.getByLabel('当前口令', { exact: true });
    this.next = page.getByLabel('新口令', { exact: true });
    this.confirm = page.getByLabel('确认新口令', { exact: true });
    this.passphraseSummary = page.getByTestId('passphrase-summary');
    this.rulesForm = page.getByRole('form', { name: '台账规则' });
    this.maxLoanDays = this.rulesForm.getByRole('textbox', { name: '借阅最长期限（天）' });
    this.carrierNumberPattern = this.rulesForm.getByRole('textbox', { name: '载体编号格式' });
    this.saveRulesButton = this.rulesForm.getByRole('button', { name: '保存台账规则' });
    this.reissueForm = page.getByRole('form', { name: '重新生成恢复密钥' });
    this.reissuePassphrase = this.reissueForm.getByLabel('台账口令（再次确认）', { exact: true });
    this.reissueButton = this.reissueForm.getByRole('button', { name: '重新生成恢复密钥' });
  }

  async expectShown(): Promise<void> {
    await expect(this.heading).toBeVisible();
    // The form appears once settings.get has answered.
    await expect(this.idleMinutes).toBeVisible();
  }

  async setIdleMinutes(minutes: number): Promise<void> {
    await this.idleMinutes.fill(String(minutes));
    await this.saveButton.click();
    await expect(toast(this.page, '设置已保存')).toBeVisible();
  }

  async changePassphrase(current: string, next: string, confirm = next): Promise<void> {
    await this.current.fill(current);
    await this.next.fill(next);
    await this.confirm.fill(confirm);
    await this.confirm.press('Enter');
  }
}

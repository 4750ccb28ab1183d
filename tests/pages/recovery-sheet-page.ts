import { expect, type Locator, type Page } from '@playwright/test';

export class RecoverySheetPage {
  readonly sheet: Locator;
  readonly heading: Locator;
  readonly key: Locator;
  readonly qrCode: Locator;
  readonly printButton: Locator;
  readonly savedCheckbox: Locator;
  readonly doneButton: Locator;

  constructor(page: Page) {
    this.sheet = page.getByTestId('recovery-sheet');
    this.heading = page.getByRole('heading', { name: '台账恢复密钥' });
    this.key = page.getByTestId('recovery-key');
    this.qrCode = page.getByRole('img', { name: '恢复密钥二维码' });
    this.printButton = page.getByRole('button', { name: '打印' });
    this.savedCheckbox = page.getByRole('checkbox', { name: '我已打印并妥善保存恢复密钥' });
    this.doneButton = page.getByRole('button', { name: '完成' });
  }

  async expectShown(): Promise<void> {
    await expect(this.heading).toBeVisible();
    await expect(this.key).toBeVisible();
  }

  async readKey(): Promise<string> {
    return (await this.key.innerText()).replace(/\s+/g, '');
  }

  /** Ticks the confirmation (required before 完成 is enabled) and continues. */
  async confirmAndFinish(): Promise<void> {
    await expect(this.doneButton).toBeDisabled();
    await this.savedCheckbox.check();
    await expect(this.doneButton).toBeEnabled();
    await this.doneButton.click();
  }
}

import { expect, type Locator, type Page } from '@playwright/test';

export class UnlockPage {
  readonly heading: Locator;
  readonly passphraseTab: Locator;
  readonly recoveryTab: Locator;
  readonly passphrase: Locator;
  readonly recoveryKey: Locator;
  readonly submitButton: Locator;
  readonly error: Locator;
  readonly countdown: Locator;
  readonly failedAttempts: Locator;

  constructor(private readonly page: Page) {
    this.heading = page.getByRole('heading', { name: '解锁台账' });
    this.passphraseTab = page.getByRole('tab', { name: '使用口令' });
    this.recoveryTab = page.getByRole('tab', { name: '使用恢复密钥' });
    this.passphrase = page.getByLabel('口令', { exact: true });
    this.recoveryKey = page.getByLabel('恢复密钥', { exact: true });
    this.submitButton = page.getByRole('button', { name: '解锁' });
    this.error = page.getByRole('alert');
    this.countdown = page.getByTestId('unlock-countdown');
    this.failedAttempts = page.getByTestId('failed-attempts');
  }

  async expectShown(): Promise<void> {
    await expect(this.heading).toBeVisible();
  }

  async unlockWithPassphrase(passphrase: string): Promise<void> {
    await this.passphraseTab.click();
    await this.passphrase.fill(passphrase);
    // Enter submits: the form must work from the keyboard alone.
    await this.passphrase.press('Enter');
  }

  /**
   * Waits until a countdown is shown while 解锁 is disabled (and not merely busy), and
   * returns the countdown's text. Checked every animation frame in one go, because the
   * first delay lasts only a second.
   */
  async waitForThrottle(): Promise<string> {
    const handle = await this.page.waitForFunction(
      () => {
        const countdown = document.querySelector('[data-testid="unlock-countdown"]');
        const button = Array.from(document.querySelectorAll('button')).find((b) => b.textContent?.trim() === '解锁');
        const blocked = button?.disabled === true && !button.hasAttribute('data-loading');
        return countdown && blocked ? countdown.textContent : null;
      },
      undefined,
      { polling: 'raf' },
    );
    return String(await handle.jsonValue());
  }

  async unlockWithRecoveryKey(key: string): Promise<void> {
    await this.recoveryTab.click();
    await this.recoveryKey.fill(key);
    await this.submitButton.click();
  }
}

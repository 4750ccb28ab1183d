import { expect, type Locator, type Page } from '@playwright/test';

export class AppShellPage {
  readonly unitName: Locator;
  readonly chainHead: Locator;
  readonly lockButton: Locator;
  readonly nav: Locator;

  constructor(page: Page) {
    this.unitName = page.getByTestId('header-unit');
    this.chainHead = page.getByTestId('header-chain-head');
    this.lockButton = page.getByRole('button', { name: '锁定' });
    this.nav = page.getByRole('navigation');
  }

  async expectShown(unitName: string): Promise<void> {
    await expect(this.unitName).toHaveText(unitName);
    await expect(this.lockButton).toBeVisible();
  }

  async goTo(section: '首页' | '载体台账' | '人员' | '保密柜' | '打印登记簿' | '设置'): Promise<void> {
    await this.nav.getByRole('button', { name: section }).click();
  }

  async lock(): Promise<void> {
    await this.lockButton.click();
  }
}

import { expect, type Locator, type Page } from '@playwright/test';

/** The sections of the side navigation, as the officer reads them. */
export type Section = '首页' | '载体台账' | '涉密计算机' | '移动存储介质' | '人员' | '保密柜' | '月度检查' | '清点' | '打印登记簿' | '备份与恢复' | '设置';

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

  async goTo(section: Section): Promise<void> {
    await this.nav.getByRole('button', { name: section, exact: true }).click();
  }

  async lock(): Promise<void> {
    await this.lockButton.click();
  }
}

import { expect, type Locator, type Page } from '@playwright/test';

export class HomePage {
  readonly heading: Locator;
  readonly vaultInfo: Locator;
  readonly integrityBadge: Locator;
  readonly integrityCard: Locator;
  readonly chainBadge: Locator;
  readonly chainHead: Locator;
  readonly verifyButton: Locator;
  readonly auditTable: Locator;

  constructor(page: Page) {
    this.heading = page.getByRole('heading', { name: '首页', level: 2 });
    this.vaultInfo = page.getByTestId('vault-info');
    this.integrityCard = page.getByTestId('integrity-card');
    this.integrityBadge = page.getByTestId('integrity-badge');
    this.chainBadge = page.getByTestId('chain-badge');
    this.chainHead = page.getByTestId('chain-head');
    this.verifyButton = page.getByRole('button', { name: '重新校验' });
    this.auditTable = page.getByRole('table', { name: '最近审计记录' });
  }

  async expectShown(): Promise<void> {
    await expect(this.heading).toBeVisible();
  }

  /** The value in the 台账信息 table for a row label such as 单位名称. */
  info(label: string): Locator {
    return this.vaultInfo.getByRole('row', { name: label }).getByRole('cell');
  }

  auditActions(): Locator {
    return this.auditTable.locator('tbody tr td:nth-child(3)');
  }
}

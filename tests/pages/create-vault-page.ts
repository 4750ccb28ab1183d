import { expect, type Locator, type Page } from '@playwright/test';

export interface NewVault {
  unitName: string;
  officerName: string;
  passphrase: string;
  confirm?: string;
}

export class CreateVaultPage {
  readonly heading: Locator;
  readonly unitName: Locator;
  readonly officerName: Locator;
  readonly passphrase: Locator;
  readonly confirm: Locator;
  readonly submitButton: Locator;
  /** The live R-10 line under the checklist. */
  readonly passphraseSummary: Locator;

  constructor(page: Page) {
    this.heading = page.getByRole('heading', { name: '创建台账' });
    this.unitName = page.getByLabel('单位名称', { exact: true });
    this.officerName = page.getByLabel('保密员姓名', { exact: true });
    this.passphrase = page.getByLabel('口令', { exact: true });
    this.confirm = page.getByLabel('确认口令', { exact: true });
    this.submitButton = page.getByRole('button', { name: '创建台账' });
    this.passphraseSummary = page.getByTestId('passphrase-summary');
  }

  async expectShown(): Promise<void> {
    await expect(this.heading).toBeVisible();
  }

  async fill(v: NewVault): Promise<void> {
    await this.unitName.fill(v.unitName);
    await this.officerName.fill(v.officerName);
    await this.passphrase.fill(v.passphrase);
    await this.confirm.fill(v.confirm ?? v.passphrase);
  }

  async submit(): Promise<void> {
    await this.submitButton.click();
  }
}

import { expect, type Locator, type Page } from '@playwright/test';
import { AppShellPage } from './app-shell-page';
import { input, pickOption } from './mantine';

/** 清点: start a session (purpose and scope) and the sessions so far. */
export class ReconPage {
  readonly heading: Locator;
  readonly startForm: Locator;
  readonly purpose: Locator;

  constructor(private readonly page: Page) {
    this.heading = page.getByRole('heading', { name: '清点', level: 2 });
    this.startForm = page.getByRole('form', { name: '开始清点' });
    this.purpose = input(this.startForm, '清点类型');
  }

  async goTo(): Promise<void> {
    await new AppShellPage(this.page).goTo('清点');
    await expect(this.heading).toBeVisible();
  }

  async start(purpose: '月清理' | '季核对' | '半年清退' | '年度清点', scope: '全部' | '保密柜' | '人员' = '全部', scopeName?: string): Promise<void> {
    await pickOption(this.page, this.purpose, purpose);
    await this.startForm.getByText(scope, { exact: true }).click();
    if (scopeName) await pickOption(this.page, input(this.startForm, scope), scopeName, scopeName);
    await this.startForm.getByRole('button', { name: '开始' }).click();
  }
}

/** One count: the scan field, each scan's result at once, then the report. */
export class ReconSessionPage {
  readonly title: Locator;
  readonly state: Locator;
  readonly scanField: Locator;
  readonly scanResult: Locator;
  readonly counts: Locator;
  readonly endButton: Locator;
  readonly dialog: Locator;
  readonly missing: Locator;
  readonly unexpected: Locator;
  readonly duplicates: Locator;
  readonly away: Locator;
  readonly print: Locator;

  constructor(private readonly page: Page) {
    this.title = page.getByTestId('recon-title');
    this.state = page.getByTestId('recon-state');
    this.scanField = page.getByRole('textbox', { name: /^扫描编号/ });
    this.scanResult = page.getByTestId('scan-result');
    this.counts = page.getByTestId('scan-counts');
    this.endButton = page.getByRole('button', { name: '结束清点' });
    this.dialog = page.getByRole('dialog');
    this.missing = page.getByTestId('recon-missing');
    this.unexpected = page.getByTestId('recon-unexpected');
    this.duplicates = page.getByTestId('recon-duplicates');
    this.away = page.getByTestId('recon-away');
    this.print = page.getByTestId('recon-print');
  }

  /**
   * As a barcode scanner does it: the keys of the code, then Enter, into whatever has the
   * focus (the scan field keeps it).
   */
  async scan(code: string): Promise<void> {
    await expect(this.scanField).toBeFocused();
    await this.page.keyboard.type(code);
    await this.page.keyboard.press('Enter');
    await expect(this.scanField).toHaveValue('');
  }

  async end(): Promise<void> {
    await this.endButton.click();
    await expect(this.dialog).toBeVisible();
    await this.dialog.getByRole('button', { name: '确认结束' }).click();
    await expect(this.state).toHaveText('已结束');
  }

  missingRow(number: string): Locator {
    return this.missing.getByTestId('recon-row').filter({ hasText: number });
  }
}

import { expect, type Locator, type Page } from '@playwright/test';

/** What every record's page shares: number and state, the 办理 toolbar with its dialogs, fields and the timeline. */
export abstract class DetailPage {
  readonly number: Locator;
  readonly stateBadge: Locator;
  readonly toolbar: Locator;
  readonly dialog: Locator;
  readonly dialogError: Locator;
  readonly timeline: Locator;
  readonly backButton: Locator;

  constructor(protected readonly page: Page) {
    this.number = page.getByTestId('detail-number');
    this.stateBadge = page.getByTestId('detail-number').locator('..').getByTestId('state-badge');
    this.toolbar = page.getByRole('toolbar', { name: '办理' });
    this.dialog = page.getByRole('dialog');
    this.dialogError = this.dialog.getByTestId('form-error');
    this.timeline = page.getByRole('table', { name: '记录' });
    this.backButton = page.getByRole('button', { name: '返回' });
  }

  async expectShown(number: string): Promise<void> {
    await expect(this.number).toHaveText(number);
  }

  action(name: string): Locator {
    return this.toolbar.getByRole('button', { name, exact: true });
  }

  /** The value beside a field label in the record's two tables. */
  field(label: string): Locator {
    return this.page.getByRole('row', { name: new RegExp(`^${label}`) }).getByRole('cell');
  }

  async expectDialogClosed(): Promise<void> {
    await expect(this.dialog).toHaveCount(0);
  }
}

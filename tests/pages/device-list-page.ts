import { expect, type Locator, type Page } from '@playwright/test';
import { AppShellPage, type Section } from './app-shell-page';

/** What the computers and media lists share: the heading, the total, the ledger table and the registration dialog. */
export abstract class DeviceListPage {
  readonly heading: Locator;
  readonly total: Locator;
  readonly table: Locator;
  readonly registerButton: Locator;
  readonly form: Locator;

  constructor(
    protected readonly page: Page,
    private readonly labels: { nav: Section; totalTestId: string; register: string },
  ) {
    this.heading = page.getByRole('heading', { name: labels.nav, level: 2 });
    this.total = page.getByTestId(labels.totalTestId);
    this.table = page.getByRole('table', { name: `${labels.nav}台账` });
    this.registerButton = page.getByRole('button', { name: labels.register });
    this.form = page.getByRole('form', { name: labels.register });
  }

  async goTo(): Promise<void> {
    await new AppShellPage(this.page).goTo(this.labels.nav);
    await expect(this.heading).toBeVisible();
    await expect(this.total).toBeVisible();
  }

  row(number: string): Locator {
    return this.table.locator(`tbody tr[data-number="${number}"]`);
  }

  protected async openForm(): Promise<Locator> {
    await this.registerButton.click();
    await expect(this.form).toBeVisible();
    return this.form;
  }
}

import { expect, type Locator, type Page } from '@playwright/test';
import { AppShellPage } from './app-shell-page';
import { input } from './mantine';

/** One person: post details, holdings and 离岗/离职. */
export class PeoplePersonPage {
  readonly name: Locator;
  readonly status: Locator;
  readonly holdings: Locator;
  readonly departure: Locator;
  readonly refusal: Locator;
  readonly done: Locator;
  readonly handoverButton: Locator;

  constructor(private readonly page: Page) {
    this.name = page.getByTestId('person-name');
    this.status = page.getByTestId('person-name').locator('..').getByTestId('person-status');
    this.holdings = page.getByRole('table', { name: '名下物品' });
    this.departure = page.getByRole('form', { name: '离岗 / 离职' });
    this.refusal = page.getByTestId('departure-refusal');
    this.done = page.getByTestId('departure-done');
    this.handoverButton = this.refusal.getByRole('button', { name: /^办理人员移交/ });
  }

  /** From the 人员 list, by the name in the table. */
  async open(name: string): Promise<void> {
    await new AppShellPage(this.page).goTo('人员');
    await this.page.getByRole('table', { name: '人员名单' }).getByRole('button', { name }).click();
    await expect(this.name).toHaveText(name);
  }

  async leave(kind: '离岗' | '离职', approvedOn?: string): Promise<void> {
    if (kind === '离职') await this.departure.getByText('离职（离开本单位）').click();
    if (approvedOn) await input(this.departure, '批准日期').fill(approvedOn);
    await this.departure.getByRole('button', { name: `登记${kind}` }).click();
  }
}

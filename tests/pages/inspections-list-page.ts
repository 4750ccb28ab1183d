import { expect, type Locator, type Page } from '@playwright/test';
import { AppShellPage } from './app-shell-page';
import { input } from './mantine';

/** 月度检查: the runs, a new run for a month, the open findings and the template link. */
export class InspectionsListPage {
  readonly heading: Locator;
  readonly createForm: Locator;
  readonly month: Locator;
  readonly createButton: Locator;
  readonly runs: Locator;
  readonly openFindings: Locator;
  readonly templateButton: Locator;

  constructor(private readonly page: Page) {
    this.heading = page.getByRole('heading', { name: '月度保密检查', level: 2 });
    this.createForm = page.getByRole('form', { name: '创建月度检查' });
    this.month = input(this.createForm, '检查月份');
    this.createButton = this.createForm.getByRole('button', { name: /^(创建|打开 \d{4}-\d{2} 的检查)$/ });
    this.runs = page.getByRole('table', { name: '检查记录' });
    this.openFindings = page.getByTestId('open-findings');
    this.templateButton = page.getByRole('button', { name: '检查表模板' });
  }

  async goTo(): Promise<void> {
    await new AppShellPage(this.page).goTo('月度检查');
    await expect(this.heading).toBeVisible();
  }

  /** Creates the run of `month` (YYYY-MM) through the month picker; Enter submits. */
  async create(month?: string): Promise<void> {
    if (month) await this.month.fill(month);
    await this.month.press('Enter');
  }

  run(month: string): Locator {
    return this.runs.getByRole('button', { name: `${month} 月度保密检查` });
  }
}

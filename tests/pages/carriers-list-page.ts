import { expect, type Locator, type Page } from '@playwright/test';

/** 载体台账: the virtualised table, its filters and the batch buttons. */
export class CarriersListPage {
  readonly heading: Locator;
  readonly total: Locator;
  readonly search: Locator;
  readonly overdueOnly: Locator;
  readonly table: Locator;
  readonly scroll: Locator;
  readonly receiveButton: Locator;
  readonly handoverButton: Locator;
  readonly destroySelectedButton: Locator;
  readonly empty: Locator;

  constructor(private readonly page: Page) {
    this.heading = page.getByRole('heading', { name: '载体台账', level: 2 });
    this.total = page.getByTestId('carrier-total');
    this.search = page.getByRole('searchbox', { name: '搜索' });
    this.overdueOnly = page.getByRole('checkbox', { name: '仅逾期' });
    this.table = page.getByRole('table', { name: '载体台账' });
    this.scroll = page.getByTestId('carrier-scroll');
    this.receiveButton = page.getByRole('button', { name: '收文登记' });
    this.handoverButton = page.getByRole('button', { name: '人员移交' });
    this.destroySelectedButton = page.getByRole('button', { name: '销毁所选…' });
    this.empty = page.getByTestId('carrier-empty');
  }

  async expectShown(): Promise<void> {
    await expect(this.heading).toBeVisible();
    await expect(this.total).toBeVisible();
  }

  /** Data rows currently rendered (the virtualiser keeps only those near the view). */
  rows(): Locator {
    return this.table.locator('tbody tr[data-index]');
  }

  row(number: string): Locator {
    return this.rows().filter({ has: this.page.getByText(number, { exact: true }) });
  }

  stateBadge(number: string): Locator {
    return this.row(number).getByTestId('state-badge');
  }

  async select(number: string): Promise<void> {
    await this.row(number).getByRole('checkbox', { name: `选择 ${number}` }).check();
  }

  async open(number: string): Promise<void> {
    await this.row(number).click();
  }

  /** The numbers in the rendered rows, top to bottom. */
  async numbers(): Promise<string[]> {
    return this.rows().locator('td:nth-child(2)').allInnerTexts();
  }
}

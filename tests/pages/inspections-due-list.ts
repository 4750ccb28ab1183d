import type { Locator, Page } from '@playwright/test';

/** 待办事项 on the home page, grouped by urgency, each entry with its rule and a link. */
export class InspectionsDueList {
  readonly list: Locator;
  readonly overdue: Locator;
  readonly dueSoon: Locator;
  readonly upcoming: Locator;

  constructor(page: Page) {
    this.list = page.getByTestId('due-list');
    this.overdue = page.getByTestId('due-overdue');
    this.dueSoon = page.getByTestId('due-due_soon');
    this.upcoming = page.getByTestId('due-upcoming');
  }

  /** The entry whose title contains `text`, in whichever group it is. */
  entry(text: string | RegExp): Locator {
    return this.list.getByTestId('due-item').filter({ hasText: text });
  }
}

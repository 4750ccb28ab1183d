import type { Locator, Page } from '@playwright/test';

/** 待办事项 on the home page, grouped by urgency, each entry with its rule and a link. */
export class InspectionsDueList {
  readonly list: Locator;
  readonly overdue: Locator;

  constructor(page: Page) {
    this.list = page.getByTestId('due-list');
    this.overdue = page.getByTestId('due-overdue');
  }

  /** The entry whose title contains `text`, in whichever group it is. */
  entry(text: string | RegExp): Locator {
    return this.list.getByTestId('due-item').filter({ hasText: text });
  }
}

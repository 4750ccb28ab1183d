import { expect, type Locator, type Page } from '@playwright/test';
import { input, pickOption, typeName } from './mantine';

/** 人员移交: a person's holdings as one list, to a receiver, before a leader. */
export class CarriersHandoverPage {
  readonly heading: Locator;
  readonly from: Locator;
  readonly to: Locator;
  readonly leader: Locator;
  readonly bothSigned: Locator;
  readonly list: Locator;
  readonly error: Locator;
  readonly submitButton: Locator;

  constructor(private readonly page: Page) {
    this.heading = page.getByRole('heading', { name: '人员移交', level: 2 });
    this.from = input(page, '移交人');
    this.to = input(page, '接收人');
    this.leader = input(page, '监交领导');
    this.bothSigned = page.getByRole('checkbox', { name: '双方已在移交清单上签字' });
    this.list = page.getByTestId('handover-list');
    this.error = page.getByTestId('form-error');
    this.submitButton = page.getByRole('button', { name: /^移交 \d+ 件$/ });
  }

  async expectShown(): Promise<void> {
    await expect(this.heading).toBeVisible();
  }

  async fill(from: string, to: string, leader: string): Promise<void> {
    await pickOption(this.page, this.from, from, from);
    await expect(this.list).toBeVisible();
    await pickOption(this.page, this.to, to, to);
    await typeName(this.leader, leader);
  }
}

import { expect, type Locator, type Page } from '@playwright/test';
import { input, pickOption } from './mantine';

export interface NewItem {
  title: string;
  docNo?: string;
  issuer?: string;
  level: '绝密' | '机密' | '秘密' | '内部';
  /** 定密日期; the form's default is today. */
  classifiedOn?: string;
  term?: string;
  copies?: number;
  copyNumbers?: string;
  pages?: number;
  custodian?: string;
  cabinet?: string;
}

/** 收文登记: the receipt header and one card per item. */
export class CarriersReceivePage {
  readonly heading: Locator;
  readonly receivedOn: Locator;
  readonly receiver: Locator;
  readonly addItemButton: Locator;
  readonly submitButton: Locator;
  readonly done: Locator;
  readonly error: Locator;

  constructor(private readonly page: Page) {
    this.heading = page.getByRole('heading', { name: '收文登记', level: 2 });
    this.receivedOn = input(page, '收文日期');
    this.receiver = input(page, '签收人');
    this.addItemButton = page.getByRole('button', { name: '添加一件' });
    this.submitButton = page.getByRole('button', { name: /^登记 \d+ 件$/ });
    this.done = page.getByTestId('receive-done');
    this.error = page.getByTestId('form-error');
  }

  async expectShown(): Promise<void> {
    await expect(this.heading).toBeVisible();
  }

  item(n: number): Locator {
    return this.page.getByRole('region', { name: `第 ${n} 件` });
  }

  field(n: number, label: string): Locator {
    return input(this.item(n), label);
  }

  async setReceiver(name: string): Promise<void> {
    await pickOption(this.page, this.receiver, name, name);
  }

  async fillItem(n: number, it: NewItem): Promise<void> {
    const item = this.item(n);
    await this.field(n, '标题').fill(it.title);
    if (it.docNo) await this.field(n, '文号').fill(it.docNo);
    if (it.issuer) await this.field(n, '来文/制发单位').fill(it.issuer);
    await pickOption(this.page, input(item, '密级'), it.level);
    if (it.classifiedOn) await this.field(n, '定密日期').fill(it.classifiedOn);
    if (it.term !== undefined) await this.field(n, '保密期限').fill(it.term);
    if (it.copies !== undefined) await this.field(n, '份数').fill(String(it.copies));
    if (it.copyNumbers !== undefined) await this.field(n, '份号').fill(it.copyNumbers);
    if (it.pages !== undefined) await this.field(n, '页数').fill(String(it.pages));
    if (it.custodian) await pickOption(this.page, input(item, '保管人'), it.custodian, it.custodian);
    if (it.cabinet) await pickOption(this.page, input(item, '存放位置'), it.cabinet);
  }

  async addItem(): Promise<void> {
    await this.addItemButton.click();
  }

  /** The carrier numbers listed after a successful registration. */
  async registeredNumbers(): Promise<string[]> {
    await expect(this.done).toBeVisible();
    return this.done.locator('tbody tr td:first-child').allInnerTexts();
  }
}

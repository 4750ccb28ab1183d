import { expect, type Locator, type Page } from '@playwright/test';
import { input, pickOption } from './mantine';

export interface NewPerson {
  name: string;
  department?: string;
  post?: string;
  clearance?: '核心' | '重要' | '一般';
}

export class PeoplePage {
  readonly heading: Locator;
  readonly form: Locator;
  readonly name: Locator;
  readonly department: Locator;
  readonly post: Locator;
  readonly clearance: Locator;
  readonly table: Locator;

  constructor(private readonly page: Page) {
    this.heading = page.getByRole('heading', { name: '人员', level: 2 });
    this.form = page.getByRole('form', { name: '登记人员' });
    this.name = input(this.form, '姓名');
    this.department = input(this.form, '部门');
    this.post = input(this.form, '岗位');
    this.clearance = input(this.form, '涉密等级');
    this.table = page.getByRole('table', { name: '人员名单' });
  }

  async expectShown(): Promise<void> {
    await expect(this.heading).toBeVisible();
  }

  async register(p: NewPerson): Promise<void> {
    await this.name.fill(p.name);
    await this.department.fill(p.department ?? '');
    await this.post.fill(p.post ?? '');
    if (p.clearance) await pickOption(this.page, this.clearance, p.clearance);
    // Enter submits: the form works from the keyboard alone.
    await this.post.press('Enter');
    await expect(this.table.getByRole('row').filter({ hasText: p.name })).toBeVisible();
    await expect(this.name).toHaveValue('');
  }
}

import { expect, type Locator, type Page } from '@playwright/test';
import { DetailPage } from './detail-page';
import { input, pickOption, typeName } from './mantine';

export interface Approval {
  approver: string;
  /** 主管领导 is preselected by most forms. */
  role?: '主管领导' | '单位主要负责人' | '原定密机关/发文机关' | '部门负责人';
}

/** A carrier's page: marking, fields, actions (each in a dialog) and the timeline. */
export class CarriersDetailPage extends DetailPage {
  readonly marking: Locator;
  readonly leakStatus: Locator;

  constructor(page: Page) {
    super(page);
    this.marking = page.getByTestId('detail-marking');
    this.leakStatus = page.getByTestId('leak-status');
  }

  timelineEvents(): Locator {
    return this.timeline.locator('tbody tr td:nth-child(3)');
  }

  private async approve(a: Approval): Promise<void> {
    await typeName(input(this.dialog, '批准人'), a.approver);
    if (a.role) await pickOption(this.page, input(this.dialog, '批准人身份'), a.role);
  }

  async lend(v: { borrower: string; reason: string; occurredOn?: string; dueOn?: string } & Approval): Promise<void> {
    await this.action('借阅').click();
    await expect(this.dialog).toBeVisible();
    await pickOption(this.page, input(this.dialog, '借阅人'), v.borrower, v.borrower);
    await input(this.dialog, '事由').fill(v.reason);
    if (v.occurredOn) await input(this.dialog, '借阅日期').fill(v.occurredOn);
    if (v.dueOn) await input(this.dialog, '应还日期').fill(v.dueOn);
    await this.approve(v);
    await this.dialog.getByRole('button', { name: '登记借阅' }).click();
  }

  async returnLoan(checkedBy?: string): Promise<void> {
    await this.action('归还').click();
    await expect(this.dialog).toBeVisible();
    if (checkedBy) await typeName(input(this.dialog, '核验人'), checkedBy);
    // Enter submits the dialog's form.
    await input(this.dialog, '归还日期').press('Enter');
  }

  async copy(v: { count?: number; applicant: string } & Approval): Promise<void> {
    await this.action('复制').click();
    await expect(this.dialog).toBeVisible();
    if (v.count) await input(this.dialog, '份数').fill(String(v.count));
    await typeName(input(this.dialog, '申请人'), v.applicant);
    await this.approve(v);
    await this.dialog.getByRole('button', { name: '登记复制' }).click();
  }
}

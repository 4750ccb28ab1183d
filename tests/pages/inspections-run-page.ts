import { expect, type Locator, type Page } from '@playwright/test';
import { input, typeName } from './mantine';

export type Result = '符合' | '不符合' | '不适用';

/** One month's run: items A-F with evidence and results, findings, sign-off and printing. */
export class InspectionsRunPage {
  readonly title: Locator;
  readonly state: Locator;
  readonly dialog: Locator;
  readonly dialogError: Locator;
  readonly progress: Locator;
  readonly signForm: Locator;
  readonly signatures: Locator;
  readonly carriedOver: Locator;
  readonly findings: Locator;
  readonly print: Locator;

  constructor(private readonly page: Page) {
    this.title = page.getByTestId('run-title');
    this.state = page.getByTestId('run-state');
    this.dialog = page.getByRole('dialog');
    this.dialogError = this.dialog.getByTestId('form-error');
    this.progress = page.getByTestId('run-progress');
    this.signForm = page.getByRole('form', { name: '签署' });
    this.signatures = page.getByTestId('run-signatures');
    this.carriedOver = page.getByTestId('carried-over');
    this.findings = page.getByTestId('run-findings');
    this.print = page.getByTestId('run-print');
  }

  async expectShown(month: string): Promise<void> {
    await expect(this.title).toHaveText(`${month} 月度保密检查`);
  }

  item(id: string): Locator {
    return this.page.getByTestId(`item-${id}`);
  }

  evidence(id: string): Locator {
    return this.item(id).getByTestId('evidence');
  }

  /** Clicks a result; 符合 and 不适用 are recorded at once (the item shows it when main has). */
  async choose(id: string, result: Result): Promise<void> {
    await this.item(id).getByText(result, { exact: true }).click();
    if (result !== '不符合') await expect(this.item(id)).toHaveAttribute('data-result', result === '符合' ? 'pass' : 'na');
  }

  async fail(id: string, finding: { text: string; owner: string; deadline?: string; note?: string }): Promise<void> {
    await this.choose(id, '不符合');
    await expect(this.dialog).toBeVisible();
    await input(this.dialog, '发现的问题').fill(finding.text);
    await typeName(input(this.dialog, '整改责任人'), finding.owner);
    if (finding.deadline) await input(this.dialog, '整改期限').fill(finding.deadline);
    if (finding.note) await input(this.dialog, '说明').fill(finding.note);
    await this.dialog.getByRole('button', { name: '登记不符合' }).click();
    await expect(this.dialog).toHaveCount(0);
    await expect(this.item(id)).toHaveAttribute('data-result', 'fail');
  }

  /** Every item still unanswered becomes 符合, one after another as the officer would. */
  async passTheRest(): Promise<number> {
    const open = this.page.locator('[data-testid^="item-"][data-result=""]');
    let n = 0;
    for (let left = await open.count(); left > 0; left = await open.count()) {
      const id = ((await open.first().getAttribute('data-testid')) ?? '').replace('item-', '');
      await this.choose(id, '符合');
      n++;
    }
    return n;
  }

  async sign(v: { user: string; sectionHead: string; inspector?: string }): Promise<void> {
    if (v.inspector) await typeName(input(this.signForm, '检查人'), v.inspector);
    await typeName(input(this.signForm, '使用人'), v.user);
    await typeName(input(this.signForm, '部门负责人'), v.sectionHead);
    await this.signForm.getByRole('button', { name: '签署检查' }).click();
  }

  async correct(id: string, result: Result, note: string): Promise<void> {
    await this.item(id).getByRole('button', { name: '更正' }).click();
    await expect(this.dialog).toBeVisible();
    await this.dialog.getByText(result, { exact: true }).click();
    await input(this.dialog, '说明').fill(note);
    await input(this.dialog, '说明').press('Enter');
    await expect(this.dialog).toHaveCount(0);
  }

  /** 整改关闭 of a carried-over finding: what was done, dated today. */
  async closeCarriedOver(text: string, rectification: string): Promise<void> {
    await this.carriedOver.getByRole('row').filter({ hasText: text }).getByRole('button', { name: '整改关闭' }).click();
    await expect(this.dialog).toBeVisible();
    await input(this.dialog, '整改情况').fill(rectification);
    await this.dialog.getByRole('button', { name: '登记整改' }).click();
    await expect(this.dialog).toHaveCount(0);
  }
}

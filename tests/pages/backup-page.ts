import { expect, type Locator, type Page } from '@playwright/test';
import { AppShellPage } from './app-shell-page';
import { input, pickOption } from './mantine';

/** 备份与恢复: the status card, one card per plugged-in volume, and the dialogs. */
export class BackupPage {
  readonly heading: Locator;
  readonly refreshButton: Locator;
  readonly status: Locator;
  readonly stale: Locator;
  readonly fresh: Locator;
  readonly dialog: Locator;
  readonly dialogError: Locator;

  constructor(private readonly page: Page) {
    this.heading = page.getByRole('heading', { name: '备份与恢复', level: 2 });
    this.refreshButton = page.getByRole('button', { name: '刷新' });
    this.status = page.getByTestId('backup-status');
    this.stale = page.getByTestId('backup-stale');
    this.fresh = page.getByTestId('backup-fresh');
    this.dialog = page.getByRole('dialog');
    this.dialogError = this.dialog.getByTestId('form-error');
  }

  async goTo(): Promise<void> {
    await new AppShellPage(this.page).goTo('备份与恢复');
    await expect(this.heading).toBeVisible();
    await expect(this.status).toBeVisible();
  }

  async refresh(): Promise<void> {
    await this.refreshButton.click();
    await expect(this.refreshButton).toBeEnabled();
  }

  volume(fsUuid: string): Locator {
    return this.page.locator(`[data-testid="volume-card"][data-fs-uuid="${fsUuid}"]`);
  }

  backupRows(fsUuid: string): Locator {
    return this.volume(fsUuid).getByTestId('backup-table').locator('tbody tr');
  }

  backupRow(fsUuid: string, name: string): Locator {
    return this.volume(fsUuid).locator(`tbody tr[data-name="${name}"]`);
  }

  /** Opens 登记备份介质 for the volume and submits the medium chosen; the dialog may refuse. */
  async registerVolume(fsUuid: string, mediumNumber: string): Promise<void> {
    if (!(await this.dialog.isVisible())) await this.volume(fsUuid).getByRole('button', { name: '登记为备份介质…' }).click();
    const form = this.page.getByRole('form', { name: '登记备份介质' });
    await expect(form).toBeVisible();
    await pickOption(this.page, input(form, '备份介质'), mediumNumber);
    await form.getByRole('button', { name: '登记' }).click();
  }

  async closeDialog(): Promise<void> {
    await this.dialog.getByRole('button', { name: /^(关闭|取消)$/ }).first().click();
    await expect(this.dialog).toHaveCount(0);
  }

  /** 立即备份; returns when the run has finished (完成) and its result is shown. */
  async backUp(fsUuid: string): Promise<{ name: string; sha256: string; chainSeq: string; readBack: string }> {
    await this.volume(fsUuid).getByRole('button', { name: '立即备份' }).click();
    await expect(this.dialog.getByTestId('backup-progress')).toBeVisible();
    await expect(this.dialog.getByTestId('backup-phase')).toHaveAttribute('data-phase', 'done');
    await expect(this.dialog.getByTestId('backup-percent')).toHaveText('100%');
    return {
      name: (await this.dialog.getByTestId('result-name').textContent()) ?? '',
      sha256: (await this.dialog.getByTestId('result-sha256').textContent()) ?? '',
      chainSeq: (await this.dialog.getByTestId('result-chain-seq').textContent()) ?? '',
      readBack: (await this.dialog.getByTestId('result-read-back').textContent()) ?? '',
    };
  }

  /** 试恢复 with the passphrase; returns the checks as shown. */
  async verify(fsUuid: string, name: string, passphrase: string): Promise<void> {
    await this.backupRow(fsUuid, name).getByRole('button', { name: '试恢复' }).click();
    await this.dialog.getByLabel('备份时的台账口令').fill(passphrase);
    await this.dialog.getByRole('button', { name: '开始校验' }).click();
    await expect(this.dialog.getByTestId('verify-outcome')).toBeVisible();
  }

  get checks(): Locator {
    return this.dialog.getByTestId('verify-checks').locator('tr');
  }

  /** 恢复… up to the comparison (nothing is restored yet). */
  async compare(fsUuid: string, name: string, passphrase: string): Promise<Locator> {
    await this.backupRow(fsUuid, name).getByRole('button', { name: '恢复…' }).click();
    await this.dialog.getByLabel('备份时的台账口令').fill(passphrase);
    await this.dialog.getByRole('button', { name: '校验并比较' }).click();
    const table = this.dialog.getByRole('table', { name: '备份与当前台账对比' });
    await expect(table).toBeVisible();
    return table;
  }

  compareRow(table: Locator, id: string): Locator {
    return table.locator(`tr[data-row="${id}"]`);
  }

  get restoreButton(): Locator {
    return this.dialog.getByRole('button', { name: '恢复台账' });
  }

  async confirmRestore(): Promise<void> {
    await this.dialog.getByRole('textbox', { name: '请输入“确认恢复”以确认' }).fill('确认恢复');
    await this.restoreButton.click();
  }
}

import { dispatch } from '../../src/api/dispatch';
import { AppShellPage } from '../pages/app-shell-page';
import { toast } from '../pages/mantine';
import { SettingsPage } from '../pages/settings-page';
import { RecoverySheetPage } from '../pages/recovery-sheet-page';
import { UnlockPage } from '../pages/unlock-page';
import { expect, test } from './support/bridge';
import { createVault, VAULT } from './support/flows';

const NEW_PASSPHRASE = 'Xin-Kouling#2027';

test('after changing the passphrase the old one fails and the new one unlocks', async ({ app }) => {
  await createVault(app);
  const shell = new AppShellPage(app);
  await shell.goTo('设置');
  const settings = new SettingsPage(app);
  await settings.expectShown();

  await settings.changePassphrase(VAULT.passphrase, 'short1A');
  await expect(settings.passphraseSummary).toHaveText('口令不符合 R-10：需要至少 8 个字符、符号');
  await expect(settings.next).toHaveAccessibleDescription('口令不符合 R-10：需要至少 8 个字符、符号');

  await settings.changePassphrase('Not#The-Current1', NEW_PASSPHRASE);
  await expect(settings.current).toHaveAccessibleDescription('当前口令错误，口令未更换');

  await settings.changePassphrase(VAULT.passphrase, NEW_PASSPHRASE);
  await expect(toast(app, '口令已更换')).toBeVisible();
  await expect(settings.current).toHaveValue('');

  await shell.lock();
  const unlock = new UnlockPage(app);
  await unlock.expectShown();
  await unlock.unlockWithPassphrase(VAULT.passphrase);
  await expect(unlock.error).toContainText('口令错误，台账未解锁');

  await unlock.unlockWithPassphrase(NEW_PASSPHRASE);
  await shell.expectShown(VAULT.unitName);
});

test('the vault locks itself when idle and no ledger data stays on screen', async ({ app, services }) => {
  await createVault(app);
  const shell = new AppShellPage(app);
  await shell.goTo('设置');
  const settings = new SettingsPage(app);
  await settings.expectShown();
  await expect(settings.idleMinutes).toHaveValue('10');

  // One "minute" is TEST_MINUTE_MS (three seconds) here; now stay idle.
  await settings.setIdleMinutes(1);

  const unlock = new UnlockPage(app);
  await expect(unlock.heading).toBeVisible({ timeout: 10_000 });
  expect(services.vault.status().state).toBe('locked');
  const body = app.locator('body');
  await expect(body).not.toContainText(VAULT.unitName);
  await expect(body).not.toContainText(VAULT.officerName);
  await expect(app.getByTestId('header-chain-head')).toHaveCount(0);
  await expect(app.getByRole('alert')).toHaveCount(0);

  // The idle lock is audited, and the shorter idle time was kept.
  await unlock.unlockWithPassphrase(VAULT.passphrase);
  await shell.expectShown(VAULT.unitName);
  await shell.goTo('设置');
  await expect(settings.idleMinutes).toHaveValue('1');
});

test('R-15 the loan maximum is a unit setting; a reissued recovery key replaces the old one', async ({ app, services }) => {
  const oldKey = await createVault(app);
  const shell = new AppShellPage(app);
  await shell.goTo('设置');
  const settings = new SettingsPage(app);
  await settings.expectShown();

  await expect(settings.maxLoanDays).toHaveValue('30');
  await expect(settings.rulesForm).toContainText('R-15：借阅期限不得超过此天数');
  await expect(settings.rulesForm).toContainText('示例：ZT-2026-0001'.replace('2026', String(new Date().getFullYear())));
  await settings.carrierNumberPattern.fill('ZT-{year}');
  await settings.saveRulesButton.click();
  await expect(settings.rulesForm).toContainText('编号格式必须包含 {seq}');
  await settings.carrierNumberPattern.fill('BM-{year}-{seq}');
  await settings.maxLoanDays.fill('10');
  await settings.saveRulesButton.click();
  await expect(toast(app, '设置已保存')).toBeVisible();
  const saved = await dispatch(services.handlers, 'settings:get', undefined);
  expect(saved).toMatchObject({ ok: true, value: { maxLoanDays: 10, carrierNumberPattern: 'BM-{year}-{seq}' } });

  await settings.reissuePassphrase.fill('Not#The-Passphrase1');
  await settings.reissueButton.click();
  await expect(settings.reissuePassphrase).toHaveAccessibleDescription('口令错误，恢复密钥未重新生成');

  await settings.reissuePassphrase.fill(VAULT.passphrase);
  await settings.reissuePassphrase.press('Enter');
  const sheet = new RecoverySheetPage(app);
  await sheet.expectShown();
  const newKey = await sheet.readKey();
  expect(newKey).not.toBe(oldKey);
  await expect(sheet.sheet).toContainText('签发日期');
  await expect(sheet.sheet).toContainText('此前的恢复密钥已作废');
  await sheet.confirmAndFinish();
  await settings.expectShown();

  await shell.lock();
  const unlock = new UnlockPage(app);
  await unlock.expectShown();
  await unlock.unlockWithRecoveryKey(oldKey);
  await expect(unlock.error).toContainText('恢复密钥错误');
  await unlock.unlockWithRecoveryKey(newKey);
  await shell.expectShown(VAULT.unitName);
});

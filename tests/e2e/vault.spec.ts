import { AppShellPage } from '../pages/app-shell-page';
import { CreateVaultPage } from '../pages/create-vault-page';
import { HomePage } from '../pages/home-page';
import { toast } from '../pages/mantine';
import { RecoverySheetPage } from '../pages/recovery-sheet-page';
import { UnlockPage } from '../pages/unlock-page';
import { expect, test } from './support/bridge';
import { createVault, RECOVERY_KEY_PATTERN, VAULT } from './support/flows';

test('creating a vault refuses a weak passphrase in Chinese, then shows the recovery sheet once', async ({
  app,
  services,
}) => {
  const create = new CreateVaultPage(app);
  await create.expectShown();
  await expect(create.unitName).toBeFocused();

  await create.fill({ ...VAULT, passphrase: 'password' });
  const missing = '口令不符合 R-10：需要大写字母、数字、符号';
  await expect(create.passphraseSummary).toHaveText(missing);
  await create.submit();
  await expect(create.passphrase).toHaveAttribute('aria-invalid', 'true');
  await expect(create.passphrase).toHaveAccessibleDescription(missing);
  expect(services.vault.status().state, 'nothing was created').toBe('none');

  await create.passphrase.fill(VAULT.passphrase);
  await create.confirm.fill(`${VAULT.passphrase}x`);
  await create.submit();
  await expect(create.confirm).toHaveAccessibleDescription('两次输入的口令不一致');
  expect(services.vault.status().state).toBe('none');

  await create.confirm.fill(VAULT.passphrase);
  await expect(create.passphraseSummary).toHaveText('口令符合 R-10 要求');
  await create.confirm.press('Enter');

  const sheet = new RecoverySheetPage(app);
  await sheet.expectShown();
  expect(await sheet.readKey()).toMatch(RECOVERY_KEY_PATTERN);
  await expect(sheet.sheet).toContainText(VAULT.unitName);
  await expect(sheet.sheet).toContainText(VAULT.officerName);
  await expect(sheet.sheet).toContainText('打印后密封保存于保密柜');
  await expect(sheet.sheet).toContainText('本页仅显示一次');
  await expect(sheet.qrCode).toBeVisible();
  expect(await sheet.qrCode.evaluate((img: HTMLImageElement) => img.naturalWidth)).toBeGreaterThan(0);
  await expect(sheet.printButton).toBeVisible();
  await app.screenshot({ path: '/tmp/recovery-sheet.png', fullPage: true });

  await sheet.confirmAndFinish();
  await new AppShellPage(app).expectShown(VAULT.unitName);
  await expect(sheet.key).toHaveCount(0);
});

test('locking, a wrong passphrase, then unlocking shows the home page with integrity and chain', async ({
  app,
}) => {
  await createVault(app);
  const shell = new AppShellPage(app);
  await shell.lock();

  const unlock = new UnlockPage(app);
  await unlock.expectShown();
  await expect(app.locator('body')).not.toContainText(VAULT.unitName);
  await expect(unlock.passphrase).toBeFocused();

  await unlock.unlockWithPassphrase('Wrong#Pass-2026');
  await expect(unlock.error).toContainText('口令错误，台账未解锁');
  await expect(unlock.failedAttempts).toHaveText('已连续 1 次解锁失败');

  await unlock.unlockWithPassphrase(VAULT.passphrase);
  await shell.expectShown(VAULT.unitName);

  const home = new HomePage(app);
  await home.expectShown();
  await expect(home.info('单位名称')).toHaveText(VAULT.unitName);
  await expect(home.info('保密员')).toHaveText(VAULT.officerName);
  await expect(home.integrityBadge).toHaveText('完好');
  await expect(home.integrityCard).toContainText('数据库快速检查：ok');
  await expect(home.chainBadge).toHaveText('完好');
  await expect(home.chainHead).toHaveText(/^#\d+ [0-9a-f]{6,}$/);
  const head = await home.chainHead.innerText();
  await expect(shell.chainHead).toHaveText(head);
  for (const action of ['创建台账', '锁定', '解锁失败', '解锁']) {
    await expect(home.auditActions().filter({ hasText: new RegExp(`^${action}$`) }).first()).toBeVisible();
  }
  await app.screenshot({ path: '/tmp/home.png', fullPage: true });

  await home.verifyButton.click();
  await expect(toast(app, '审计链校验通过')).toBeVisible();
  await expect(home.chainBadge).toHaveText('完好');
});

test('the recovery key read off the sheet unlocks the vault', async ({ app }) => {
  const key = await createVault(app);
  await new AppShellPage(app).lock();

  const unlock = new UnlockPage(app);
  await unlock.expectShown();
  await unlock.unlockWithRecoveryKey('0000-0000-0000-0000-0000-0000-0000-0000');
  await expect(unlock.error).toContainText('恢复密钥错误，台账未解锁');

  await unlock.unlockWithRecoveryKey(key);
  await new AppShellPage(app).expectShown(VAULT.unitName);
  await expect(new HomePage(app).integrityBadge).toHaveText('完好');
});

test('after three wrong passphrases the next try waits for a visible countdown', async ({ app }) => {
  await createVault(app);
  const shell = new AppShellPage(app);
  await shell.lock();
  const unlock = new UnlockPage(app);
  await unlock.expectShown();

  for (const wrong of ['Wrong#Pass-1', 'Wrong#Pass-2']) {
    await unlock.unlockWithPassphrase(wrong);
    // The field is emptied once main has answered.
    await expect(unlock.passphrase).toHaveValue('');
    await expect(unlock.error).toContainText('口令错误，台账未解锁');
  }
  await expect(unlock.countdown).toHaveCount(0);
  // The third failure starts a one-second delay (unlock-throttle.ts).
  await unlock.unlockWithPassphrase('Wrong#Pass-3');
  expect(await unlock.waitForThrottle()).toBe('请等待 1 秒后再试');
  await expect(unlock.failedAttempts).toHaveText('已连续 3 次解锁失败');

  await expect(unlock.countdown).toBeHidden();
  await unlock.unlockWithPassphrase(VAULT.passphrase);
  await shell.expectShown(VAULT.unitName);
  const home = new HomePage(app);
  await expect(home.auditActions().filter({ hasText: /^解锁失败$/ })).toHaveCount(3);
  await expect(home.auditTable).toContainText('未识别');
});

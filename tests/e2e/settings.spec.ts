import { AppShellPage } from '../pages/app-shell-page';
import { SettingsPage } from '../pages/settings-page';
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
  await expect(settings.toast('口令已更换')).toBeVisible();
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

  // One "minute" is one second here (minuteMs 1000); now stay idle.
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

import { expect, type Page } from '@playwright/test';
import { AppShellPage } from '../../pages/app-shell-page';
import { CreateVaultPage, type NewVault } from '../../pages/create-vault-page';
import { RecoverySheetPage } from '../../pages/recovery-sheet-page';

export const VAULT = {
  unitName: '某市第一研究所',
  officerName: '张保密',
  passphrase: 'Baomi#2026-Ledger',
} satisfies NewVault;

/** Crockford base32 in eight groups of four, as the core formats it. */
export const RECOVERY_KEY_PATTERN = /^(?:[0-9A-HJKMNP-TV-Z]{4}-){7}[0-9A-HJKMNP-TV-Z]{4}$/;

/** Creates the vault through the UI and returns the recovery key read off the sheet. */
export async function createVault(page: Page, vault: NewVault = VAULT): Promise<string> {
  const create = new CreateVaultPage(page);
  await create.expectShown();
  await create.fill(vault);
  await create.submit();
  const sheet = new RecoverySheetPage(page);
  await sheet.expectShown();
  const key = await sheet.readKey();
  expect(key).toMatch(RECOVERY_KEY_PATTERN);
  await sheet.confirmAndFinish();
  await new AppShellPage(page).expectShown(vault.unitName);
  return key;
}

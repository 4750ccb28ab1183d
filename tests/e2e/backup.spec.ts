import { copyFileSync } from 'node:fs';
import path from 'node:path';
import { dispatch } from '../../src/api/dispatch';
import { IDENTITY_FILE } from '../../src/backup/backup-identity';
import type { Person } from '../../src/ledger/people/people';
import { AppShellPage } from '../pages/app-shell-page';
import { BackupPage } from '../pages/backup-page';
import { CarriersListPage } from '../pages/carriers-list-page';
import { DevicesMediaPage } from '../pages/devices-media-page';
import { isoDay, toast } from '../pages/mantine';
import { expect, test } from './support/bridge';
import { VAULT } from './support/flows';
import { newVault, registerPeople } from './support/ledger-setup';

const SHOTS = process.env.E2E_SHOTS_DIR ?? '/tmp';
const KEEPER = { name: '吴保管', department: '机要室', post: '保密员', clearance: '重要' } as const;
const GOOD = 'YP-2026-01';
const LOW = 'YP-2026-02';
const UUID = 'UUID-E2E-1';
const COPY_UUID = 'UUID-E2E-2';

// Two vault unlocks by scrypt, a backup, a test restore and a restore on a two-core machine.
test.describe.configure({ timeout: 180_000 });

test('R-05 backup medium registered at the ledger level, backup with progress, test restore all green, restore removes later records; a copied identity file is refused', async ({
  app,
  services,
  volumes,
}) => {
  await newVault(app, services);
  await registerPeople(app, [KEEPER]);
  const shell = new AppShellPage(app);

  // Two media meant for backups: 机密 makes the ledger 机密, so the 秘密 one falls short.
  const media = new DevicesMediaPage(app);
  await media.goTo();
  await media.register({ number: GOOD, kind: '移动硬盘', level: '机密', capacity: '2TB', responsible: KEEPER.name, backup: true });
  await media.goTo();
  await media.register({ number: LOW, kind: 'U盘', level: '秘密', capacity: '64GB', responsible: KEEPER.name, backup: true });

  volumes.plug('BAOMI-BK1', UUID, 'USB-SN-1');
  const page = new BackupPage(app);
  await page.goTo();
  await page.refresh();
  await expect(page.stale).toContainText('尚无校验通过的备份');
  const card = page.volume(UUID);
  await expect(card.getByTestId('volume-refusal')).toHaveText('卷「BAOMI-BK1」不是已登记的备份介质（没有身份文件）');
  await expect(card.getByTestId('volume-serial')).toHaveText('USB-SN-1');
  await expect(card.getByTestId('volume-uuid')).toHaveText(UUID);

  await page.registerVolume(UUID, LOW);
  await expect(page.dialogError).toContainText(`R-05：台账含有机密信息，备份介质 ${LOW} 的密级（秘密）不够`);
  await page.registerVolume(UUID, GOOD);
  await expect(toast(app, `已将卷「BAOMI-BK1」登记为备份介质 ${GOOD}`)).toBeVisible();
  await expect(card.getByTestId('volume-medium')).toHaveText(`备份介质 ${GOOD}`);
  await expect(card.getByTestId('volume-refusal')).toHaveCount(0);
  await expect(card.getByTestId('no-backups')).toBeVisible();

  const written = await page.backUp(UUID);
  expect(written.sha256).toMatch(/^[0-9a-f]{64}$/);
  expect(written.chainSeq).toMatch(/^#\d+$/);
  expect(written.readBack).toEqual(process.platform === 'linux' ? '已从介质本身读回，逐字节一致' : expect.stringContaining('未能绕过系统缓存'));
  await expect(page.dialog.getByTestId('prune-confirm')).toHaveCount(0);
  await app.screenshot({ path: path.join(SHOTS, 'backup-run.png') });
  await page.closeDialog();
  await expect(page.backupRows(UUID)).toHaveCount(1);
  const row = page.backupRow(UUID, written.name);
  await expect(row).toContainText(written.chainSeq);
  await expect(row.getByTestId('verified-badge')).toHaveText('未校验');

  await page.verify(UUID, written.name, VAULT.passphrase);
  await expect(page.dialog.getByTestId('verify-outcome')).toHaveAttribute('data-ok', 'true');
  expect(await page.checks.count()).toBeGreaterThanOrEqual(5);
  await expect(page.checks.and(app.locator('[data-ok="false"]'))).toHaveCount(0);
  await expect(page.checks.filter({ hasText: '审计链' })).toHaveAttribute('data-ok', 'true');
  await app.screenshot({ path: path.join(SHOTS, 'backup-verify.png') });
  await page.closeDialog();
  await expect(row.getByTestId('verified-badge')).toHaveText('通过');
  await expect(page.stale).toHaveCount(0);
  await expect(page.fresh).toBeVisible();
  await expect(page.status.getByTestId('status-medium')).toHaveText(GOOD);

  // A second volume carrying a copy of the first one's identity file (R-05 look-alike).
  volumes.plug('BAOMI-BK1', COPY_UUID, 'USB-SN-2');
  const [first, second] = [UUID, COPY_UUID].map((u) => volumes.mounted.find((v) => v.fsUuid === u)?.mountPath ?? '');
  copyFileSync(path.join(first as string, IDENTITY_FILE), path.join(second as string, IDENTITY_FILE));
  await page.refresh();
  await expect(page.volume(COPY_UUID).getByTestId('volume-refusal')).toContainText('卷标识不符');
  await expect(page.volume(COPY_UUID).getByRole('button', { name: '立即备份' })).toHaveCount(0);
  await app.screenshot({ path: path.join(SHOTS, 'backup-page.png'), fullPage: true });

  // A carrier recorded after the backup: the restore must take it away.
  const staff = await dispatch(services.handlers, 'people:list', undefined);
  const keeper = staff.ok ? (staff.value as Person[]).find((p) => p.name === KEEPER.name) : undefined;
  expect(keeper).toBeDefined();
  const received = await dispatch(services.handlers, 'carriers:receive', {
    receivedOn: isoDay(-1),
    receiverId: keeper?.id,
    items: [{ title: '备份之后收到的通知', carrierType: 'paper', level: 'mimi', classifiedOn: isoDay(-1), copies: 1, custodianId: keeper?.id }],
  });
  expect(received.ok).toBe(true);
  await shell.goTo('载体台账');
  const carriers = new CarriersListPage(app);
  await carriers.expectShown();
  await expect(carriers.total).toHaveText('共 1 件');

  await page.goTo();
  const table = await page.compare(UUID, written.name, VAULT.passphrase);
  const carriersRow = page.compareRow(table, 'carriers');
  await expect(carriersRow).toHaveAttribute('data-differs', 'true');
  await expect(carriersRow.getByTestId('compare-backup')).toHaveText('0');
  await expect(carriersRow.getByTestId('compare-current')).toHaveText('1');
  await expect(page.compareRow(table, 'chainHead')).toHaveAttribute('data-differs', 'true');
  await expect(page.restoreButton).toBeDisabled();
  await app.screenshot({ path: path.join(SHOTS, 'backup-compare.png') });
  await page.confirmRestore();

  // The vault stays shown as open through the swap, so the dialog reports the result itself.
  await expect(app.getByTestId('restore-done')).toContainText(/已从备份恢复台账，审计链头 #\d+ [0-9a-f]{8}/, { timeout: 30_000 });
  await page.closeDialog();
  await shell.expectShown(VAULT.unitName);
  await shell.goTo('载体台账');
  await carriers.expectShown();
  await expect(carriers.total).toHaveText('共 0 件');
  await expect(carriers.empty).toBeVisible();
  const status = await dispatch(services.handlers, 'vault:status', undefined);
  expect(status.ok && status.value).toMatchObject({ state: 'unlocked' });
});

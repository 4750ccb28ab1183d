/**
 * Child process for the "killed during restore" test: unlocks the vault, restores a backup
 * and kills itself (SIGKILL, no cleanup of any kind) when the restore reaches `dieAt`.
 */
import { createServices } from '../app/create-services';
import type { Volume } from '../backup/volume';
import { MIGRATIONS_DIR, TEST_KDF } from './temp-vault';

const [vaultDir, volumeJson, name, currentPassphrase, backupPassphrase, dieAt] = process.argv.slice(2) as [string, string, string, string, string, string];
const volume = JSON.parse(volumeJson) as Volume;
const services = createServices({ vaultDir, migrationsDir: MIGRATIONS_DIR, kdf: TEST_KDF, volumes: { list: async () => [volume] } });
await services.vault.unlock(currentPassphrase);
await services.backup.restore({ fsUuid: volume.fsUuid, name, secret: backupPassphrase, kind: 'passphrase' }, (step) => {
  if (step === dieAt) process.kill(process.pid, 'SIGKILL');
});
process.stdout.write('restore finished without being killed\n');

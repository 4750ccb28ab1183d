import { basename, join } from 'node:path';
import { AppError } from '../errors/app-error';
import { errorText } from '../errors/error-text';
import { PARTIAL_SUFFIX } from './backup-format';
import type { BackupFs } from './backup-writer';

/**
 * Retention's deletions, one backup at a time: renamed out of the list first (a half-deleted
 * folder must not look like a backup), then `record`ed, then its files go. Whatever fails,
 * the ledger says exactly which backups are gone: one whose record failed is put back under
 * its name, one recorded but not fully removed is named for the officer to delete.
 */
export async function removeBackups(root: string, names: string[], fs: BackupFs, record: (name: string) => void): Promise<string[]> {
  const deleted: string[] = [];
  const failed = (n: string, e: unknown) => {
    const done = deleted.length ? `已删除并记入台账：${deleted.join('、')}` : '未删除任何备份';
    return `删除旧备份 ${n} 失败：${errorText(e)}。${done}`;
  };
  for (const n of names) {
    const doomed = join(root, `${n}.deleting${PARTIAL_SUFFIX}`);
    try {
      await fs.rename(join(root, n), doomed);
    } catch (e) {
      throw new AppError('BACKUP_FAILED', failed(n, e));
    }
    try {
      record(n);
    } catch (e) {
      // Not on record, so not gone: the backup goes back into the list as it was.
      const back = await fs.rename(doomed, join(root, n)).then(() => '', () => `；介质上的文件夹 ${basename(doomed)} 请改回 ${n}`);
      throw new AppError('BACKUP_FAILED', `${failed(n, e)}${back}`);
    }
    deleted.push(n);
    try {
      await fs.rm(doomed);
    } catch (e) {
      throw new AppError('BACKUP_FAILED', `旧备份 ${n} 已从备份列表移除并记入台账，但其文件未能删净：${errorText(e)}。请删除介质上的文件夹 ${basename(doomed)}`);
    }
  }
  return deleted;
}

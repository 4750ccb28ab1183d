import { describe, expect, it } from 'vitest';
import { AppError } from './app-error';
import { errorText } from './error-text';

const errno = (code: string, message: string) => Object.assign(new Error(message), { code });

describe('errorText', () => {
  it('names a file-system error in Chinese by its code, without its English text or path', () => {
    const text = errorText(errno('EROFS', "EROFS: read-only file system, mkdir '/media/u/BK/baomi-backups/x.partial'"));
    expect(text).toBe('介质是只读的（请检查写保护开关）（EROFS）');
    expect(errorText(errno('ENOTDIR', "ENOTDIR: not a directory, scandir '/x'"))).toBe('路径中有一项不是文件夹（ENOTDIR）');
    expect(errorText(errno('EWHATEVER', 'EWHATEVER: something'))).toBe('文件读写出错（EWHATEVER）');
  });

  it('keeps an AppError’s own message, and hides the rest', () => {
    expect(errorText(new AppError('BACKUP_FAILED', '备份未完成'))).toBe('备份未完成');
    expect(errorText(errno('SQLITE_CONSTRAINT_TRIGGER', 'an event must say what its audit entry says'))).toBe('数据库错误（SQLITE_CONSTRAINT_TRIGGER）');
    expect(errorText(new TypeError("Cannot read properties of undefined (reading 'x')"))).toBe('内部错误');
    expect(errorText('plain string')).toBe('内部错误');
  });
});

import { isAppError } from './app-error';

/** What the officer is told for a file-system error, by its errno code. */
const IO_TEXT: Readonly<Record<string, string>> = {
  ENOSPC: '磁盘空间已满',
  EROFS: '介质是只读的（请检查写保护开关）',
  EACCES: '没有访问权限',
  EPERM: '操作不被允许（文件可能被其他程序占用，或没有权限）',
  EBUSY: '文件被其他程序占用',
  ENOENT: '文件或文件夹不存在（介质可能已被拔出）',
  ENOTDIR: '路径中有一项不是文件夹',
  EISDIR: '应为文件，却是文件夹',
  EIO: '读写出错（介质可能已损坏或被拔出）',
  ENODEV: '设备不存在（介质可能已被拔出）',
  ENXIO: '设备不存在（介质可能已被拔出）',
  EEXIST: '同名的文件已存在',
  EMFILE: '同时打开的文件过多',
  ENAMETOOLONG: '路径过长',
};

/**
 * A failure in words the officer can act on, in Chinese: an AppError says so already; a
 * Node or SQLite error is named by its code, never by its English text, which may also
 * carry paths the screen has no need of.
 */
export function errorText(e: unknown): string {
  if (isAppError(e)) return e.message;
  const code = (e as { code?: unknown } | null)?.code;
  if (typeof code !== 'string') return '内部错误';
  if (code.startsWith('SQLITE_')) return `数据库错误（${code}）`;
  return `${IO_TEXT[code] ?? '文件读写出错'}（${code}）`;
}

import { resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { createServices, type Services } from '../app/create-services';
import { contract } from '../api/contract';
import { isAppError } from '../errors/app-error';
import type { KdfParams } from '../vault/key-slots';
import type { VolumeProvider } from '../backup/volume';
import { cliBackup, cliRestore, cliVerifyBackup, cliVerifyRecorded } from './cli-backup';

export interface CliIo {
  /** Everything on standard input: the passphrase (or recovery key) on its first line. */
  readStdin(): Promise<string>;
  out(line: string): void;
  err(line: string): void;
}

export interface CliOptions {
  migrationsDir?: string;
  kdf?: KdfParams;
  /** The platform's removable volumes (main/cli.ts passes the real adapter). */
  volumes?: VolumeProvider;
}

const HELP = `保密台账 命令行 (Baomi Ledger CLI)

用法 usage: npm run cli -- <command> [options]
口令从标准输入读取（第一行）；加 --recovery 则读取恢复密钥。
The passphrase is read from standard input (first line); with --recovery, the recovery key.

commands:
  init --dir D --unit U --officer O   创建台账，并一次性打印恢复密钥 / create a vault, print the recovery key once
  verify --dir D [--recovery]         校验加密页与审计链；任何失败退出码 1 / check pages and audit chain; exit 1 on failure
  info --dir D [--recovery]           显示台账概况 / show the vault's identity and chain head
  export-raw-key --dir D [--recovery] 打印 64 位十六进制数据密钥（灾难恢复用）/ print the 64-hex data key (disaster recovery)
  backup --dir D --volume V           备份到已登记的备份介质（挂载路径或卷标识）/ back up onto a registered medium's volume
  verify-backup FOLDER [--dir D] [--recovery]
                                      校验备份（试恢复）；加 --dir 则结果记入该台账的介质记录（标准输入：当前口令、备份口令）；失败退出码 1
                                      test-restore a backup folder; with --dir the result is recorded in that ledger
  restore FOLDER --dir D [--yes]      用备份替换台账；标准输入：当前口令、备份口令 / replace the vault with a backup
  --help                              本说明 / this text
`;

export async function runCli(argv: string[], io: CliIo, opts: CliOptions = {}): Promise<number> {
  let parsed;
  try {
    parsed = parseArgs({
      args: argv,
      allowPositionals: true,
      options: {
        dir: { type: 'string' },
        unit: { type: 'string' },
        officer: { type: 'string' },
        recovery: { type: 'boolean', default: false },
        volume: { type: 'string' },
        yes: { type: 'boolean', default: false },
        help: { type: 'boolean', default: false },
      },
    });
  } catch (e) {
    io.err(`参数错误：${(e as Error).message}`);
    io.err(HELP);
    return 2;
  }
  const { values, positionals } = parsed;
  const command = positionals[0];
  if (values.help || !command) {
    io.out(HELP);
    return values.help ? 0 : 2;
  }
  // Without --dir a backup folder is tested on its own key slots alone and nothing is recorded.
  if (command === 'verify-backup' && !values.dir) {
    const folder = positionals[1];
    if (!folder) return (io.err('verify-backup 需要备份文件夹路径'), 2);
    const secret = firstLine(await io.readStdin());
    try {
      return await cliVerifyBackup(io, resolve(folder), secret, values.recovery, new Date().toISOString(), opts.volumes?.evictCache?.bind(opts.volumes));
    } catch (e) {
      io.err(isAppError(e) ? `错误 (${e.code})：${e.message}` : `错误：${(e as Error).message}`);
      return 1;
    }
  }
  if (!values.dir) {
    io.err('缺少 --dir（台账所在目录）/ --dir is required');
    return 2;
  }
  const services = createServices({
    vaultDir: resolve(values.dir),
    migrationsDir: opts.migrationsDir ?? resolve(import.meta.dirname, '../../migrations'),
    ...(opts.kdf ? { kdf: opts.kdf } : {}),
    ...(opts.volumes ? { volumes: opts.volumes } : {}),
  });
  try {
    const stdin = await io.readStdin();
    const secret = firstLine(stdin);
    if (!secret) {
      io.err('标准输入中没有口令 / no passphrase on standard input');
      return 2;
    }
    switch (command) {
      case 'backup':
        return await cliBackup(services, opts.volumes ?? { list: async () => [] }, io, values.volume, secret);
      case 'restore': {
        const folder = positionals[1];
        if (!folder) return (io.err('restore 需要备份文件夹路径'), 2);
        const lines = stdin.split(/\r?\n/).filter(Boolean);
        return await cliRestore(services, io, resolve(folder), lines, values.recovery, values.yes);
      }
      case 'verify-backup': {
        const folder = positionals[1];
        if (!folder) return (io.err('verify-backup 需要备份文件夹路径'), 2);
        return await cliVerifyRecorded(services, io, resolve(folder), stdin.split(/\r?\n/).filter(Boolean), values.recovery);
      }
      case 'init':
        return await init(services, io, { unit: values.unit, officer: values.officer, passphrase: secret });
      case 'verify':
      case 'info':
      case 'export-raw-key': {
        const unlocked = values.recovery
          ? await services.vault.unlockWithRecovery(secret)
          : await services.vault.unlock(secret);
        if (command === 'verify') return verify(unlocked, io);
        if (command === 'info') return info(services, io);
        io.err('警告：数据密钥可以不经口令直接解密整个台账。只在灾难恢复时使用，用后销毁记录，此次导出已记入审计日志。');
        io.err('WARNING: this key decrypts the whole ledger without any passphrase. Use it only for disaster recovery.');
        io.out(services.vault.exportRawKey('cli'));
        return 0;
      }
      default:
        io.err(`未知命令：${command} / unknown command`);
        io.err(HELP);
        return 2;
    }
  } catch (e) {
    io.err(isAppError(e) ? `错误 (${e.code})：${e.message}` : `错误：${(e as Error).message}`);
    return 1;
  } finally {
    services.dispose();
  }
}

// Only the line break is cut: a passphrase may end in a space, as the app allows.
const firstLine = (text: string): string => text.split(/\r?\n/)[0] ?? '';

const INIT_FIELDS: Record<string, string> = {
  unitName: '--unit 单位名称须为 1 至 100 个字（首尾空格不计）',
  officerName: '--officer 保密员姓名须为 1 至 50 个字（首尾空格不计）',
  passphrase: '口令须为 1 至 1024 个字符（标准输入第一行）',
};

async function init(
  services: Services,
  io: CliIo,
  a: { unit: string | undefined; officer: string | undefined; passphrase: string },
): Promise<number> {
  if (!a.unit || !a.officer) {
    io.err('init 需要 --unit（单位名称）和 --officer（保密员姓名）');
    return 2;
  }
  // The app's own input rules (the IPC contract), so that the CLI cannot create a vault the
  // app would refuse: the officer's name is the actor on every audit entry.
  const parsed = contract['vault:create'].input.safeParse({ unitName: a.unit, officerName: a.officer, passphrase: a.passphrase });
  if (!parsed.success) {
    for (const field of new Set(parsed.error.issues.map((i) => String(i.path[0])))) io.err(INIT_FIELDS[field] ?? `输入不合法：${field}`);
    return 2;
  }
  const r = await services.vault.create(parsed.data);
  io.out(`已创建台账 / vault created: ${r.vaultId}`);
  io.out(`单位 ${r.unitName}  保密员 ${r.officerName}  创建于 ${r.createdAt}`);
  io.out('恢复密钥（只显示这一次；抄写或打印后密封存放于保密柜）/ recovery key, shown once:');
  io.out(`RECOVERY-KEY: ${r.recoveryKey}`);
  return 0;
}

function verify(r: Awaited<ReturnType<Services['vault']['unlock']>>, io: CliIo): number {
  const i = r.integrity;
  const sound = i.cipherOk && i.quickCheck.join() === 'ok';
  io.out(`加密页校验 cipher pages: ${i.cipherOk ? 'ok' : 'FAILED'} (${i.cipherPagesChecked} pages)`);
  for (const e of i.cipherErrors) io.out(`  ${e}`);
  io.out(`quick_check: ${i.quickCheck.join('; ')}`);
  io.out(
    r.chain.ok
      ? `审计链 audit chain: ok (${r.chain.checked} entries, head #${r.chain.head.seq} ${r.chain.head.shortHash})`
      : `审计链 audit chain: BROKEN at #${r.chain.firstBrokenSeq}: ${r.chain.reason}`,
  );
  return sound && r.chain.ok ? 0 : 1;
}

function info(services: Services, io: CliIo): number {
  const s = services.vault.summary();
  io.out(`单位 unit: ${s.unitName}`);
  io.out(`保密员 officer: ${s.officerName}`);
  io.out(`台账编号 vault id: ${s.vaultId}`);
  io.out(`创建时间 created: ${s.createdAt}`);
  io.out(`数据结构版本 schema: ${s.schemaVersion}`);
  io.out(`审计链头 chain head: #${s.chain.head.seq} ${s.chain.head.shortHash}`);
  return 0;
}

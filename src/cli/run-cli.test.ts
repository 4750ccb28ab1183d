import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { openCipherDatabase } from '../db/open-database';
import { TEST_KDF } from '../testing/temp-vault';
import { runCli } from './run-cli';

const dir = mkdtempSync(join(tmpdir(), 'baomi-cli-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));
const PASS = 'Baomi#2026ok\n';

const cli = async (args: string[], stdin = PASS) => {
  const out: string[] = [];
  const err: string[] = [];
  const code = await runCli(args, { readStdin: async () => stdin, out: (l) => out.push(l), err: (l) => err.push(l) }, { kdf: TEST_KDF });
  return { code, out: out.join('\n'), err: err.join('\n') };
};

describe('CLI over the core', () => {
  const vault = join(dir, 'v');
  let recoveryKey = '';

  it('init prints the recovery key once and refuses a weak passphrase', async () => {
    const weak = await cli(['init', '--dir', join(dir, 'weak'), '--unit', 'U', '--officer', 'O'], 'password\n');
    expect(weak.code).toBe(1);
    expect(weak.err).toContain('口令不符合 R-10');
    const r = await cli(['init', '--dir', vault, '--unit', '某单位', '--officer', '李四']);
    expect(r.code).toBe(0);
    recoveryKey = /RECOVERY-KEY: (\S+)/.exec(r.out)?.[1] ?? '';
    expect(recoveryKey).toMatch(/^([0-9A-Z]{4}-){7}[0-9A-Z]{4}$/);
  });

  it('init holds the names to the app\'s own rules, and creates nothing when they fail', async () => {
    const bad = join(dir, 'bad');
    const r = await cli(['init', '--dir', bad, '--unit', '   ', '--officer', '李'.repeat(51)]);
    expect(r.code).toBe(2);
    expect(r.err).toContain('--unit 单位名称须为 1 至 100 个字');
    expect(r.err).toContain('--officer 保密员姓名须为 1 至 50 个字');
    expect(existsSync(join(bad, 'ledger.db'))).toBe(false);
  });

  it('a passphrase ending in a space is kept as typed, as the app keeps it', async () => {
    const spaced = join(dir, 'spaced');
    expect((await cli(['init', '--dir', spaced, '--unit', '某单位', '--officer', '李四'], 'Baomi#2026ok \n')).code).toBe(0);
    expect((await cli(['verify', '--dir', spaced], 'Baomi#2026ok \r\n')).code).toBe(0);
    expect((await cli(['verify', '--dir', spaced], 'Baomi#2026ok\n')).err).toContain('WRONG_PASSPHRASE');
  });

  it('verify exits 0 on a sound vault, with the passphrase or --recovery', async () => {
    const r = await cli(['verify', '--dir', vault]);
    expect(r.code).toBe(0);
    expect(r.out).toContain('cipher pages: ok');
    expect(r.out).toContain('audit chain: ok');
    expect((await cli(['verify', '--dir', vault, '--recovery'], `${recoveryKey}\n`)).code).toBe(0);
  });

  it('verify exits 1 on a wrong passphrase', async () => {
    const r = await cli(['verify', '--dir', vault], 'Wrong#2026ok\n');
    expect(r.code).toBe(1);
    expect(r.err).toContain('WRONG_PASSPHRASE');
  });

  it('verify exits 1 and names the sequence when the audit chain was edited', async () => {
    const key = (await cli(['export-raw-key', '--dir', vault])).out.trim();
    const db = openCipherDatabase(join(vault, 'ledger.db'), Buffer.from(key, 'hex'));
    db.exec('DROP TRIGGER audit_log_no_update');
    db.prepare("UPDATE audit_log SET actor = '伪造' WHERE seq = 2").run();
    db.close();
    const r = await cli(['verify', '--dir', vault]);
    expect(r.code).toBe(1);
    expect(r.out).toContain('BROKEN at #2');
  });

  it('info shows the identity; --help and unknown commands', async () => {
    const r = await cli(['info', '--dir', vault]);
    expect(r.code).toBe(0);
    expect(r.out).toContain('单位 unit: 某单位');
    expect((await cli(['--help'])).out).toContain('export-raw-key');
    expect((await cli(['frobnicate', '--dir', vault])).code).toBe(2);
  });
});

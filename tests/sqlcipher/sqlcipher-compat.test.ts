import { execFileSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { runCli } from '../../src/cli/run-cli';
import { TEST_KDF } from '../../src/testing/temp-vault';

/**
 * The disaster path of the README: the CLI exports the raw data key, and an upstream
 * SQLCipher 4 build (compiled here from the registry's amalgamation, never shipped)
 * opens the vault with it. Needs a C compiler and OpenSSL headers, which .ci/run installs.
 */
const root = resolve(import.meta.dirname, '../..');
const amalgamation = join(root, 'node_modules/@commapp/sqlcipher-amalgamation/src');
const harness = join(import.meta.dirname, 'open-vault.c');
const dir = mkdtempSync(join(tmpdir(), 'baomi-compat-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

function buildHarness(): string {
  const hash = createHash('sha256')
    .update(readFileSync(harness))
    .update(readFileSync(join(amalgamation, 'sqlite3.c')))
    .digest('hex')
    .slice(0, 12);
  const cacheDir = join(root, 'node_modules/.cache/baomi-sqlcipher');
  const bin = join(cacheDir, `open-vault-${hash}`);
  if (existsSync(bin)) return bin;
  mkdirSync(cacheDir, { recursive: true });
  execFileSync('cc', [
    '-O1', '-w', '-DSQLITE_HAS_CODEC', '-DSQLITE_TEMP_STORE=2', '-DSQLCIPHER_CRYPTO_OPENSSL',
    '-DSQLITE_OMIT_LOAD_EXTENSION', `-I${amalgamation}`, harness, join(amalgamation, 'sqlite3.c'),
    '-o', bin, '-lcrypto', '-lpthread', '-lm',
  ]);
  return bin;
}

const cli = async (args: string[], stdin: string) => {
  const out: string[] = [];
  const err: string[] = [];
  const code = await runCli(args, { readStdin: async () => stdin, out: (l) => out.push(l), err: (l) => err.push(l) }, { kdf: TEST_KDF });
  return { code, out, err };
};

describe('upstream SQLCipher 4 compatibility', () => {
  it('opens a vault made by the CLI with the key from export-raw-key', async () => {
    const vault = join(dir, 'vault');
    const init = await cli(['init', '--dir', vault, '--unit', '国家某某研究院', '--officer', '王保密'], 'Baomi#2026ok\n');
    expect(init.code).toBe(0);
    const exported = await cli(['export-raw-key', '--dir', vault], 'Baomi#2026ok\n');
    expect(exported.code).toBe(0);
    const key = exported.out[0] ?? '';
    expect(key).toMatch(/^[0-9a-f]{64}$/);
    expect(exported.err.join('\n')).toContain('警告');

    const output = execFileSync(buildHarness(), [join(vault, 'ledger.db'), key], { encoding: 'utf8' });
    expect(output).toMatch(/^cipher_version: 4\.\d+\.\d+/m);
    expect(output).toContain('unit_name: 国家某某研究院');
    expect(output).toMatch(/^audit_entries: [1-9]\d*$/m);
    expect(output).not.toContain('cipher_error');
    expect(output.trim().endsWith('done')).toBe(true);
  }, 300_000);
});

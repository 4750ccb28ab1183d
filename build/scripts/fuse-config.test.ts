import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { FuseState, FuseV1Options, FuseVersion } from '@electron/fuses';
import { afterEach, describe, expect, it } from 'vitest';
import { afterPack, electronBinaryPath, fuseMismatches, type AfterPackContextLike } from './after-pack-fuses';
import { FUSE_CONFIG } from './fuse-config';

describe('FUSE_CONFIG', () => {
  it('sets each fuse to the agreed value', () => {
    expect(FUSE_CONFIG.version).toBe(FuseVersion.V1);
    expect(FUSE_CONFIG.strictlyRequireAllFuses).toBe(true);
    expect(FUSE_CONFIG[FuseV1Options.RunAsNode]).toBe(false);
    expect(FUSE_CONFIG[FuseV1Options.EnableNodeOptionsEnvironmentVariable]).toBe(false);
    expect(FUSE_CONFIG[FuseV1Options.EnableNodeCliInspectArguments]).toBe(false);
    expect(FUSE_CONFIG[FuseV1Options.OnlyLoadAppFromAsar]).toBe(true);
    expect(FUSE_CONFIG[FuseV1Options.EnableEmbeddedAsarIntegrityValidation]).toBe(true);
    expect(FUSE_CONFIG[FuseV1Options.EnableCookieEncryption]).toBe(true);
    expect(FUSE_CONFIG[FuseV1Options.GrantFileProtocolExtraPrivileges]).toBe(false);
    expect(FUSE_CONFIG[FuseV1Options.LoadBrowserProcessSpecificV8Snapshot]).toBe(false);
    expect(FUSE_CONFIG[FuseV1Options.WasmTrapHandlers]).toBe(true);
  });

  it('decides every fuse @electron/fuses knows about', () => {
    const known = Object.values(FuseV1Options).filter((v): v is number => typeof v === 'number');
    for (const index of known) expect(typeof (FUSE_CONFIG as Record<number, unknown>)[index]).toBe('boolean');
  });
});

// A stand-in for the Electron binary: only the fuse wire matters to @electron/fuses.
const SENTINEL = 'dL7pKGdnNz796PbbjQWNKmHXBZaB9tsX';
const ELECTRON_DEFAULT_WIRE = '101100011'; // what an unmodified Electron ships with

const writeFakeElectron = (file: string) =>
  writeFileSync(
    file,
    Buffer.concat([
      Buffer.alloc(4096, 0x90),
      Buffer.from(SENTINEL),
      Buffer.from([1, ELECTRON_DEFAULT_WIRE.length]),
      Buffer.from(ELECTRON_DEFAULT_WIRE),
      Buffer.alloc(4096, 0x90),
    ]),
  );

describe('afterPack', () => {
  let dir = '';
  afterEach(() => {
    if (dir) rmSync(dir, { recursive: true, force: true });
  });

  const context = (): AfterPackContextLike => ({
    appOutDir: dir,
    electronPlatformName: 'linux',
    packager: { executableName: 'baomi-ledger', appInfo: { productFilename: 'baomi-ledger' } },
  });

  it('flips the fuses of the packed binary and verifies them', async () => {
    dir = mkdtempSync(path.join(tmpdir(), 'baomi-fuses-'));
    const binary = path.join(dir, 'baomi-ledger');
    writeFakeElectron(binary);
    await afterPack(context());
    const wire = readFileSync(binary).subarray(4096 + SENTINEL.length + 2, 4096 + SENTINEL.length + 2 + 9);
    expect(wire.toString()).toBe('010011001');
  });

  it('fails the build when the binary has no fuse wire', async () => {
    dir = mkdtempSync(path.join(tmpdir(), 'baomi-fuses-'));
    writeFileSync(path.join(dir, 'baomi-ledger'), 'not electron');
    await expect(afterPack(context())).rejects.toThrow(/sentinel/);
  });

  it('fails the build when the binary has a fuse this config does not decide', async () => {
    dir = mkdtempSync(path.join(tmpdir(), 'baomi-fuses-'));
    const tenFuses = Buffer.concat([Buffer.from(SENTINEL), Buffer.from([1, 10]), Buffer.from('1011000111')]);
    writeFileSync(path.join(dir, 'baomi-ledger'), tenFuses);
    await expect(afterPack(context())).rejects.toThrow(/strictlyRequireAllFuses/);
  });

  it('works through the CommonJS hook electron-builder loads', async () => {
    dir = mkdtempSync(path.join(tmpdir(), 'baomi-fuses-'));
    writeFakeElectron(path.join(dir, 'baomi-ledger'));
    const hook = createRequire(import.meta.url)('./after-pack.cjs') as (c: AfterPackContextLike) => Promise<void>;
    await hook(context());
    expect(readFileSync(path.join(dir, 'baomi-ledger')).toString('latin1')).toContain(`${SENTINEL}\x01\x09010011001`);
  });

  it('finds the binary where electron-builder puts it', () => {
    const base = { appOutDir: '/o', packager: { executableName: 'baomi-ledger', appInfo: { productFilename: 'baomi-ledger' } } };
    expect(electronBinaryPath({ ...base, electronPlatformName: 'linux' })).toBe(path.join('/o', 'baomi-ledger'));
    expect(electronBinaryPath({ ...base, electronPlatformName: 'win32' })).toBe(path.join('/o', 'baomi-ledger.exe'));
  });

  it('reports each wrong fuse by name', () => {
    const allEnabled = Object.fromEntries([...Array(9).keys()].map((i) => [i, FuseState.ENABLE]));
    expect(fuseMismatches(allEnabled)).toEqual([
      'RunAsNode should be disabled',
      'EnableNodeOptionsEnvironmentVariable should be disabled',
      'EnableNodeCliInspectArguments should be disabled',
      'LoadBrowserProcessSpecificV8Snapshot should be disabled',
      'GrantFileProtocolExtraPrivileges should be disabled',
    ]);
  });
});

import { existsSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { describe, expect, it } from 'vitest';

const repoRoot = path.resolve(import.meta.dirname, '..', '..');
const text = readFileSync(path.join(repoRoot, 'electron-builder.yml'), 'utf8');
// js-yaml ships with electron-builder, which reads this file with it.
const { load } = createRequire(import.meta.url)('js-yaml') as { load(s: string): unknown };

interface TargetEntry {
  target: string;
  arch: string[];
}
interface BuilderConfig {
  appId: string;
  productName: string;
  directories: { buildResources: string; output: string };
  files: string[];
  extraResources: { from: string; to: string; filter: string[] }[];
  asar: boolean;
  asarUnpack: string[];
  npmRebuild: boolean;
  publish: null;
  afterPack: string;
  electronDist?: unknown;
  win: { target: TargetEntry[] };
  linux: { target: TargetEntry[]; maintainer: string; category: string };
}
const config = load(text) as BuilderConfig;

const targets = (t: TargetEntry[]) => Object.fromEntries(t.map((e) => [e.target, [...e.arch].sort()]));

describe('electron-builder.yml', () => {
  it('names the app', () => {
    expect(config.appId).toBe('cn.baomi.ledger');
    expect(config.productName).toBe('保密台账');
    expect(config.directories).toEqual({ buildResources: 'build', output: 'out' });
  });

  it('packs only the built app, its migrations and the print font', () => {
    expect(config.files).toEqual(expect.arrayContaining(['package.json', 'dist/main/**', 'dist/renderer/**']));
    expect(config.extraResources).toEqual([
      { from: 'migrations', to: 'migrations', filter: ['*.sql'] },
      {
        from: 'node_modules/@fontsource/noto-sans-sc',
        to: 'fonts',
        filter: ['LICENSE', '400.css', '700.css', 'files/*-400-normal.woff2', 'files/*-700-normal.woff2'],
      },
    ]);
  });

  it('uses asar, unpacks native addons and never rebuilds them', () => {
    expect(config.asar).toBe(true);
    expect(config.asarUnpack).toEqual(['**/*.node']);
    expect(config.npmRebuild).toBe(false);
  });

  it('has no publishing and no auto-update', () => {
    expect(config.publish).toBeNull();
    expect(text).not.toMatch(/updater|generateUpdatesFilesForAllChannels|^\s*(github|s3|generic):/im);
  });

  it('does not hard-code an Electron distribution', () => {
    expect(config.electronDist).toBeUndefined();
  });

  it('flips fuses in an afterPack hook that exists', () => {
    expect(config.afterPack).toBe('./build/scripts/after-pack.cjs');
    expect(existsSync(path.join(repoRoot, config.afterPack))).toBe(true);
  });

  it('builds the agreed targets', () => {
    expect(targets(config.win.target)).toEqual({ nsis: ['arm64', 'x64'], portable: ['arm64', 'x64'] });
    expect(targets(config.linux.target)).toEqual({ deb: ['arm64', 'x64'], dir: ['arm64', 'x64'] });
    expect(config.linux.maintainer).toMatch(/<.+@.+>/);
    expect(config.linux.category).toBe('Office');
  });
});

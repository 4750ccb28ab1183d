import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { planPackaging } from './package-app';

describe('planPackaging', () => {
  it('refuses to package without ELECTRON_DIST rather than download Electron', () => {
    const plan = planPackaging({}, ['--linux', 'dir']);
    expect(plan.ok).toBe(false);
    if (!plan.ok) expect(plan.message).toMatch(/ELECTRON_DIST is not set/);
  });

  it('refuses a path that does not exist', () => {
    expect(planPackaging({ ELECTRON_DIST: '/nowhere' }, [], () => false).ok).toBe(false);
  });

  it('passes the distribution to electron-builder with the project config', () => {
    const dist = path.resolve('/opt/electron-45.4.1-linux-x64');
    expect(planPackaging({ ELECTRON_DIST: dist }, ['--linux', 'dir', '--x64'], () => true)).toEqual({
      ok: true,
      args: ['--config', 'electron-builder.yml', `-c.electronDist=${dist}`, '--linux', 'dir', '--x64'],
    });
  });
});

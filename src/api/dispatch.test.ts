import { afterEach, describe, expect, it, vi } from 'vitest';
import { createdVault, tempVault, type TempVault } from '../testing/temp-vault';
import { CHANNELS, contract } from './contract';
import { dispatch } from './dispatch';
import { DEFAULT_SETTINGS } from '../settings/settings-schema';

const vaults: TempVault[] = [];
afterEach(() => vaults.splice(0).forEach((v) => v.cleanup()));

describe('dispatch across the IPC boundary', () => {
  it('has a handler for every contract channel and nothing else', () => {
    const v = tempVault();
    vaults.push(v);
    expect(Object.keys(v.services.handlers).sort()).toEqual([...CHANNELS].sort());
    for (const c of CHANNELS) expect(c).toMatch(/^[a-z]+:[a-zA-Z]+$/);
  });

  it('malformed input gets VALIDATION, and the handler never runs', async () => {
    const v = tempVault();
    vaults.push(v);
    const spy = vi.spyOn(v.services.vault, 'create');
    for (const bad of [undefined, null, 42, { unitName: '', officerName: 'x', passphrase: 'y' }, { unitName: 'u', officerName: 'o', passphrase: 'p', extra: 1 }]) {
      const r = await dispatch(v.services.handlers, 'vault:create', bad);
      expect(r).toMatchObject({ ok: false, error: { code: 'VALIDATION' } });
      if (!r.ok) expect(r.error.message).toMatch(/^输入数据不合法/);
    }
    expect(spy).not.toHaveBeenCalled();
    expect(await dispatch(v.services.handlers, 'settings:update', { idleMinutes: 0 })).toMatchObject({
      ok: false,
      error: { code: 'VALIDATION' },
    });
  });

  it('a refusal says what the schema says in Chinese, and names the field where the schema has no words of its own', async () => {
    const v = await createdVault();
    vaults.push(v);
    const r = await dispatch(v.services.handlers, 'settings:update', { carrierNumberPattern: 'ZT-{seq}', idleMinutes: 0 });
    expect(r.ok).toBe(false);
    if (r.ok) return;
    expect(r.error.message).toMatch(/^输入数据不合法：.*必须包含 \{year\}/);
    expect(r.error.message).toContain('idleMinutes');
    expect(r.error.message).not.toMatch(/Number must be|too_small|Expected/);
  });

  it('unknown channels are refused, including prototype keys', async () => {
    const v = tempVault();
    vaults.push(v);
    for (const c of ['vault:drop', '__proto__', 'constructor', 'toString']) {
      expect(await dispatch(v.services.handlers, c, undefined)).toMatchObject({ ok: false, error: { code: 'UNKNOWN_CHANNEL' } });
    }
  });

  it('domain errors cross as {code, message}; unexpected ones are hidden as INTERNAL', async () => {
    const v = tempVault();
    vaults.push(v);
    expect(await dispatch(v.services.handlers, 'home:summary', undefined)).toEqual({
      ok: false,
      error: { code: 'VAULT_LOCKED', message: '台账已锁定，请先解锁' },
    });
    const handlers = { ...v.services.handlers, 'vault:status': () => { throw new Error('disk path /secret'); } };
    const onInternalError = vi.fn();
    const r = await dispatch(handlers, 'vault:status', undefined, { onInternalError });
    expect(r).toEqual({ ok: false, error: { code: 'INTERNAL', message: '内部错误：操作未完成，数据未更改' } });
    expect(onInternalError).toHaveBeenCalledOnce();
  });

  it('a successful call returns {ok: true, value} and counts as activity', async () => {
    const v = await createdVault();
    vaults.push(v);
    v.clock.advance(9 * 60_000);
    const r = await dispatch(v.services.handlers, 'settings:get', undefined);
    expect(r).toEqual({ ok: true, value: DEFAULT_SETTINGS });
    v.clock.advance(9 * 60_000);
    expect((await dispatch(v.services.handlers, 'vault:status', undefined)) as unknown).toMatchObject({ ok: true, value: { state: 'unlocked' } });
    v.clock.advance(2 * 60_000);
    expect(await dispatch(v.services.handlers, 'vault:status', undefined)).toMatchObject({ ok: true, value: { state: 'locked' } });
  });

  it('settings changes are validated, audited and shorten the idle timer', async () => {
    const v = await createdVault();
    vaults.push(v);
    expect(await dispatch(v.services.handlers, 'settings:update', { idleMinutes: 2 })).toMatchObject({ ok: true, value: { idleMinutes: 2 } });
    const page = await dispatch(v.services.handlers, 'audit:list', { limit: 1 });
    expect(page).toMatchObject({ ok: true, value: { entries: [{ action: 'settings.updated', payload: { changes: { idleMinutes: { from: 10, to: 2 } } } }] } });
    v.clock.advance(2 * 60_000);
    expect(v.services.vault.status().state).toBe('locked');
  });

  it('every input schema rejects unknown keys', () => {
    for (const c of CHANNELS) {
      const schema = contract[c].input;
      const r = schema.safeParse({ __unexpected: true });
      expect(r.success, c).toBe(false);
    }
  });
});

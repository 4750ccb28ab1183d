import { describe, expect, it, vi } from 'vitest';
import { CHANNELS, splitChannel } from '../src/api/contract';
import { buildApi } from './build-api';

describe('buildApi', () => {
  it('has one function per contract channel and nothing else', () => {
    const api = buildApi(CHANNELS, async () => null) as unknown as Record<string, Record<string, unknown>>;
    const expected: Record<string, string[]> = {};
    for (const c of CHANNELS) {
      const [ns, verb] = splitChannel(c);
      (expected[ns] ??= []).push(verb);
    }
    expect(Object.keys(api).sort()).toEqual(Object.keys(expected).sort());
    for (const [ns, verbs] of Object.entries(expected)) {
      expect(Object.keys(api[ns] ?? {}).sort()).toEqual([...verbs].sort());
      for (const v of verbs) expect(typeof api[ns]?.[v]).toBe('function');
    }
  });

  it('exposes no generic invoke, send or ipcRenderer', () => {
    const api = buildApi(CHANNELS, async () => null) as unknown as Record<string, unknown>;
    for (const forbidden of ['invoke', 'send', 'sendSync', 'on', 'ipcRenderer', 'postMessage']) {
      expect(api).not.toHaveProperty(forbidden);
    }
  });

  it('invokes the channel with only the first argument', async () => {
    const invoke = vi.fn(async () => ({ ok: true, value: 'v' }));
    const api = buildApi(CHANNELS, invoke);
    const unlock = api.vault.unlock as unknown as (...a: unknown[]) => Promise<unknown>;
    await expect(unlock({ passphrase: 'p' }, 'smuggled')).resolves.toEqual({ ok: true, value: 'v' });
    expect(invoke).toHaveBeenCalledWith('vault:unlock', { passphrase: 'p' });
    await api.vault.status();
    expect(invoke).toHaveBeenLastCalledWith('vault:status', undefined);
  });

  it('is frozen, so page scripts cannot swap a function', () => {
    const api = buildApi(CHANNELS, async () => null);
    expect(Object.isFrozen(api)).toBe(true);
    expect(Object.isFrozen(api.vault)).toBe(true);
  });
});

import { describe, expect, it, vi } from 'vitest';
import { CHANNELS } from '../src/api/contract';
import type { Handlers } from '../src/api/handlers';
import {
  isTrustedAppSender,
  registerIpc,
  type IpcEventLike,
  type IpcListener,
  type IpcMainLike,
} from './ipc-register';

const fakeIpcMain = () => {
  const listeners = new Map<string, IpcListener>();
  const ipcMain: IpcMainLike = {
    handle: (channel, listener) => {
      listeners.set(channel, listener);
    },
  };
  return { ipcMain, listeners };
};

/** Every channel answers with its own name, so a test can see which one ran. */
const fakeHandlers = () => {
  const calls: [string, unknown][] = [];
  const entries = CHANNELS.map((c) => [
    c,
    async (input: unknown) => {
      calls.push([c, input]);
      return `result of ${c}`;
    },
  ]);
  return { handlers: Object.fromEntries(entries) as unknown as Handlers, calls };
};

const trusted: IpcEventLike = { senderFrame: { url: 'app://app/index.html' } };
const options = { isTrustedSender: isTrustedAppSender };

describe('registerIpc', () => {
  it('registers exactly one handler per contract channel', () => {
    const { ipcMain, listeners } = fakeIpcMain();
    const handle = vi.spyOn(ipcMain, 'handle');
    registerIpc(ipcMain, fakeHandlers().handlers, options);
    expect([...listeners.keys()].sort()).toEqual([...CHANNELS].sort());
    expect(handle).toHaveBeenCalledTimes(CHANNELS.length);
  });

  it('throws when the same ipcMain gets the channels a second time', () => {
    const { ipcMain } = fakeIpcMain();
    registerIpc(ipcMain, fakeHandlers().handlers, options);
    expect(() => registerIpc(ipcMain, fakeHandlers().handlers, options)).toThrow(/registered twice/);
  });

  it('routes a trusted, valid call to its handler through dispatch', async () => {
    const { ipcMain, listeners } = fakeIpcMain();
    const { handlers, calls } = fakeHandlers();
    registerIpc(ipcMain, handlers, options);
    const res = await listeners.get('vault:unlock')?.(trusted, { passphrase: '正确的口令' });
    expect(res).toEqual({ ok: true, value: 'result of vault:unlock' });
    expect(calls).toEqual([['vault:unlock', { passphrase: '正确的口令' }]]);
  });

  it.each<[string, IpcEventLike]>([
    ['a remote page', { senderFrame: { url: 'https://evil.example/' } }],
    ['a file:// page', { senderFrame: { url: 'file:///tmp/x.html' } }],
    ['a destroyed frame', { senderFrame: null }],
    ['an event without a frame', {}],
  ])('refuses %s with an IpcResult, without calling the handler', async (_name, event) => {
    const { ipcMain, listeners } = fakeIpcMain();
    const { handlers, calls } = fakeHandlers();
    registerIpc(ipcMain, handlers, options);
    const res = await listeners.get('vault:status')?.(event, undefined);
    expect(res).toMatchObject({ ok: false, error: { code: 'VALIDATION' } });
    expect(calls).toEqual([]);
  });

  it('treats a throwing trust check as untrusted', async () => {
    const { ipcMain, listeners } = fakeIpcMain();
    const { handlers, calls } = fakeHandlers();
    registerIpc(ipcMain, handlers, {
      isTrustedSender: () => {
        throw new Error('boom');
      },
    });
    const res = await listeners.get('vault:status')?.(trusted, undefined);
    expect(res).toMatchObject({ ok: false, error: { code: 'VALIDATION' } });
    expect(calls).toEqual([]);
  });

  it.each<[string, unknown]>([
    ['vault:unlock', { passphrase: 42 }],
    ['vault:unlock', { passphrase: 'x', extra: true }],
    ['vault:unlock', undefined],
    ['vault:status', { unexpected: 1 }],
    ['audit:list', { limit: 100000 }],
  ])('answers malformed input on %s with VALIDATION', async (channel, input) => {
    const { ipcMain, listeners } = fakeIpcMain();
    const { handlers, calls } = fakeHandlers();
    registerIpc(ipcMain, handlers, options);
    const res = await listeners.get(channel)?.(trusted, input);
    expect(res).toMatchObject({ ok: false, error: { code: 'VALIDATION' } });
    expect(calls).toEqual([]);
  });

  it('turns an unexpected handler failure into INTERNAL and reports it', async () => {
    const { ipcMain, listeners } = fakeIpcMain();
    const { handlers } = fakeHandlers();
    const broken = {
      ...handlers,
      'home:summary': async () => {
        throw new Error('disk on fire');
      },
    } as unknown as Handlers;
    const onInternalError = vi.fn();
    registerIpc(ipcMain, broken, { ...options, onInternalError });
    const res = await listeners.get('home:summary')?.(trusted, undefined);
    expect(res).toMatchObject({ ok: false, error: { code: 'INTERNAL' } });
    expect(JSON.stringify(res)).not.toContain('disk on fire');
    expect(onInternalError).toHaveBeenCalledWith('home:summary', expect.any(Error));
  });
});

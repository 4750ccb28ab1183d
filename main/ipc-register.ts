/**
 * Binds every contract channel to `dispatch`. Takes an ipcMain-like object so that
 * tests can pass a fake; in the app it is Electron's ipcMain.
 */
import { CHANNELS } from '../src/api/contract';
import { dispatch } from '../src/api/dispatch';
import type { Handlers } from '../src/api/handlers';
import type { IpcResult } from '../src/api/result';
import { isTrustedSenderUrl } from './security-policy';

/** The part of an IpcMainInvokeEvent we look at; senderFrame is null once the frame is gone. */
export interface IpcEventLike {
  readonly senderFrame?: { readonly url: string } | null;
}

export type IpcListener = (event: IpcEventLike, input?: unknown) => Promise<IpcResult<unknown>>;

export interface IpcMainLike {
  handle(channel: string, listener: IpcListener): void;
}

export interface RegisterIpcOptions {
  isTrustedSender(event: IpcEventLike): boolean;
  /** Unexpected failures inside a handler; their details never cross to the renderer. */
  onInternalError?: (channel: string, error: unknown) => void;
}

// Electron's own ipcMain also refuses a second handler, but fakes do not; keeping our
// own record makes a double registration fail the same way everywhere.
const registered = new WeakMap<IpcMainLike, Set<string>>();

const untrusted = (): IpcResult<never> => ({
  ok: false,
  error: { code: 'VALIDATION', message: '请求来源不受信任，已拒绝', details: { reason: 'untrusted-sender' } },
});

export const registerIpc = (
  ipcMain: IpcMainLike,
  handlers: Handlers,
  options: RegisterIpcOptions,
): readonly string[] => {
  const seen = registered.get(ipcMain) ?? new Set<string>();
  registered.set(ipcMain, seen);

  const clash = CHANNELS.filter((c) => seen.has(c));
  if (clash.length > 0) {
    throw new Error(`IPC channel registered twice: ${clash.join(', ')}`);
  }

  for (const channel of CHANNELS) {
    seen.add(channel);
    ipcMain.handle(channel, async (event, input) => {
      let trusted = false;
      try {
        trusted = options.isTrustedSender(event);
      } catch {
        trusted = false;
      }
      if (!trusted) return untrusted();
      return dispatch(handlers, channel, input, {
        onInternalError: (e) => options.onInternalError?.(channel, e),
      });
    });
  }
  return CHANNELS;
};

/** The app's trust rule: the sending frame must still show one of our app:// pages. */
export const isTrustedAppSender = (event: IpcEventLike): boolean =>
  isTrustedSenderUrl(event.senderFrame?.url);

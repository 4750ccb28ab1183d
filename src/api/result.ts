import type { ErrorCode } from '../errors/app-error';

export interface IpcError {
  code: ErrorCode;
  message: string;
  details?: Record<string, unknown>;
}

/** The only shape that crosses the IPC boundary: nothing is ever thrown across it. */
export type IpcResult<T> = { ok: true; value: T } | { ok: false; error: IpcError };

export const ok = <T>(value: T): IpcResult<T> => ({ ok: true, value });
export const fail = (error: IpcError): IpcResult<never> => ({ ok: false, error });

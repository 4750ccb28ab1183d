import { isAppError } from '../errors/app-error';
import { contract, type Channel } from './contract';
import type { Handlers } from './handlers';
import type { IpcResult } from './result';

const isChannel = (c: string): c is Channel => Object.hasOwn(contract, c);
const CJK = /[\u4e00-\u9fff]/;

/**
 * The single entry point for a call from the renderer: validate the channel and input,
 * run the handler, and turn every outcome into an IpcResult. Nothing throws out of here.
 */
export async function dispatch(
  handlers: Handlers,
  channel: string,
  input: unknown,
  hooks: { onInternalError?: (e: unknown) => void } = {},
): Promise<IpcResult<unknown>> {
  if (!isChannel(channel)) {
    return { ok: false, error: { code: 'UNKNOWN_CHANNEL', message: `未知的调用通道：${String(channel).slice(0, 80)}` } };
  }
  const parsed = contract[channel].input.safeParse(input);
  if (!parsed.success) {
    // A schema's own Chinese message says what is wrong (e.g. 编号格式必须包含 {year}); zod's
    // defaults are English, so for those only the field is named.
    const where = [
      ...new Set(
        parsed.error.issues
          .slice(0, 5)
          .map((i) => (CJK.test(i.message) ? i.message : i.path.length ? i.path.join('.') : '输入')),
      ),
    ].join('、');
    return { ok: false, error: { code: 'VALIDATION', message: `输入数据不合法：${where}`, details: { issues: parsed.error.issues.length } } };
  }
  try {
    const handler = handlers[channel] as (i: unknown) => unknown;
    const value = await handler(parsed.data);
    return { ok: true, value };
  } catch (e) {
    if (isAppError(e)) {
      return { ok: false, error: { code: e.code, message: e.message, ...(e.details ? { details: { ...e.details } } : {}) } };
    }
    hooks.onInternalError?.(e);
    return { ok: false, error: { code: 'INTERNAL', message: '内部错误：操作未完成，数据未更改' } };
  }
}



import { describe, expect, it, vi } from 'vitest';
import { disposeOnQuit, type QuitEventLike } from './dispose-on-quit';

const fakeApp = () => {
  let listener: ((e: QuitEventLike) => void) | null = null;
  const app = {
    on: (_e: 'will-quit', l: (e: QuitEventLike) => void) => {
      listener = l;
    },
    quit: vi.fn(),
  };
  const willQuit = () => {
    const e = { preventDefault: vi.fn() };
    listener?.(e);
    return e;
  };
  return { app, willQuit };
};

const tick = () => new Promise((r) => setTimeout(r, 0));

describe('disposeOnQuit', () => {
  it('disposes once, then lets the quit through', async () => {
    const { app, willQuit } = fakeApp();
    const dispose = vi.fn();
    disposeOnQuit(app, dispose);
    expect(willQuit().preventDefault).toHaveBeenCalled();
    await tick();
    expect(dispose).toHaveBeenCalledTimes(1);
    expect(app.quit).toHaveBeenCalledTimes(1);
    expect(willQuit().preventDefault).not.toHaveBeenCalled();
    expect(dispose).toHaveBeenCalledTimes(1);
  });

  it('waits for an async dispose and holds repeated quits meanwhile', async () => {
    const { app, willQuit } = fakeApp();
    let finish: () => void = () => {};
    const dispose = vi.fn(() => new Promise<void>((r) => (finish = r)));
    disposeOnQuit(app, dispose);
    willQuit();
    await tick();
    expect(willQuit().preventDefault).toHaveBeenCalled();
    expect(app.quit).not.toHaveBeenCalled();
    finish();
    await tick();
    expect(dispose).toHaveBeenCalledTimes(1);
    expect(app.quit).toHaveBeenCalledTimes(1);
  });

  it('still quits when dispose fails, and reports the failure', async () => {
    const { app, willQuit } = fakeApp();
    const onError = vi.fn();
    disposeOnQuit(app, () => {
      throw new Error('lock file busy');
    }, onError);
    willQuit();
    await tick();
    expect(onError).toHaveBeenCalledWith(expect.any(Error));
    expect(app.quit).toHaveBeenCalledTimes(1);
  });
});

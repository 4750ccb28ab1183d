export interface QuitEventLike {
  preventDefault(): void;
}

export interface QuittingAppLike {
  on(event: 'will-quit', listener: (event: QuitEventLike) => void): unknown;
  quit(): void;
}

/**
 * Closes the services (which locks the vault and releases its lock file) before the
 * process exits. The quit is held once, while disposing, then resumed; a failing
 * dispose is reported but never keeps the app alive.
 */
export const disposeOnQuit = (
  app: QuittingAppLike,
  dispose: () => void | Promise<void>,
  onError: (e: unknown) => void = () => {},
): void => {
  let state: 'running' | 'disposing' | 'done' = 'running';
  app.on('will-quit', (event) => {
    if (state === 'done') return;
    event.preventDefault();
    if (state === 'disposing') return;
    state = 'disposing';
    void (async () => {
      try {
        await dispose();
      } catch (e) {
        onError(e);
      } finally {
        state = 'done';
        app.quit();
      }
    })();
  });
};

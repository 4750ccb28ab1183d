import type { Api } from '../../src/api/contract';

declare global {
  interface Window {
    /** Built by the preload from the IPC contract; the renderer's only way to the core. */
    api: Api;
  }
}

export {};

/**
 * Sandboxed preload, bundled to CommonJS (a sandboxed preload can require nothing
 * but 'electron'). Exposes `window.api` and nothing else: never ipcRenderer, never
 * a generic send/invoke.
 */
import { contextBridge, ipcRenderer } from 'electron';
import type { Channel } from '../src/api/contract';
import { buildApi } from './build-api';

// Replaced by build/scripts/build-main.ts with the contract's CHANNELS.
declare const BAOMI_CHANNELS: readonly Channel[];

contextBridge.exposeInMainWorld(
  'api',
  buildApi(BAOMI_CHANNELS, (channel, input) => ipcRenderer.invoke(channel, input)),
);

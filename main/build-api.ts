/**
 * Builds the object the preload exposes as `window.api`. Pure (it only closes over
 * `invoke`) so the exact shape can be tested without Electron: one function per
 * channel and nothing else, so the renderer never gets a way to name an arbitrary
 * channel. Only types come from the contract: the preload is given the channel list
 * at build time and so does not carry zod.
 */
import type { Api, Channel } from '../src/api/contract';

export type Invoke = (channel: Channel, input: unknown) => Promise<unknown>;

export const buildApi = (channels: readonly Channel[], invoke: Invoke): Api => {
  const api: Record<string, Record<string, (input?: unknown) => Promise<unknown>>> = {};
  for (const channel of channels) {
    const i = channel.indexOf(':');
    const group = (api[channel.slice(0, i)] ??= {});
    // Only the first argument crosses: extra arguments cannot smuggle data past validation.
    group[channel.slice(i + 1)] = (input?: unknown) => invoke(channel, input);
  }
  for (const group of Object.values(api)) Object.freeze(group);
  return Object.freeze(api) as unknown as Api;
};

/**
 * The Electron fuses of the packaged app: one-way switches baked into the binary.
 * Every fuse is set explicitly (strictlyRequireAllFuses), so a fuse added by a future
 * Electron fails the build until someone decides its value.
 */
import { FuseV1Options, FuseVersion, type FuseV1Config } from '@electron/fuses';

export const FUSE_CONFIG = {
  version: FuseVersion.V1,
  strictlyRequireAllFuses: true,
  // ELECTRON_RUN_AS_NODE would turn the signed app into a general Node interpreter.
  [FuseV1Options.RunAsNode]: false,
  [FuseV1Options.EnableCookieEncryption]: true,
  // NODE_OPTIONS and --inspect would let anyone with a shell inject code into main.
  [FuseV1Options.EnableNodeOptionsEnvironmentVariable]: false,
  [FuseV1Options.EnableNodeCliInspectArguments]: false,
  // electron-builder embeds the asar header hash as an exe resource; Electron checks it on
  // Windows (and macOS) and ends the app on a mismatch. Linux has no such check yet.
  [FuseV1Options.EnableEmbeddedAsarIntegrityValidation]: true,
  [FuseV1Options.OnlyLoadAppFromAsar]: true,
  [FuseV1Options.LoadBrowserProcessSpecificV8Snapshot]: false,
  [FuseV1Options.GrantFileProtocolExtraPrivileges]: false,
  // Electron's default; it only affects how WebAssembly bounds checks are done.
  [FuseV1Options.WasmTrapHandlers]: true,
} as const satisfies FuseV1Config;

/** Fuse names and their wanted values, for messages and tests. */
export const fuseExpectations = (): { name: string; index: number; enabled: boolean }[] =>
  Object.entries(FUSE_CONFIG)
    .filter(([k]) => /^\d+$/.test(k))
    .map(([k, v]) => ({
      index: Number(k),
      name: FuseV1Options[Number(k)] ?? `fuse ${k}`,
      enabled: v === true,
    }));

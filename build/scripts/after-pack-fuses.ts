/**
 * electron-builder afterPack step (loaded by after-pack.cjs): flips the fuses of the
 * packed Electron binary, then reads them back and fails the build if any differs.
 *
 * It calls the project's pinned @electron/fuses directly rather than
 * `packager.addElectronFuses`: electron-builder 26.17 carries @electron/fuses 1.8,
 * which does not know Electron 45's ninth fuse (WasmTrapHandlers) and so fails
 * under strictlyRequireAllFuses.
 */
import path from 'node:path';
import { FuseState, flipFuses, getCurrentFuseWire } from '@electron/fuses';
import { FUSE_CONFIG, fuseExpectations } from './fuse-config';

/** The members of electron-builder's AfterPackContext this step uses. */
export interface AfterPackContextLike {
  appOutDir: string;
  electronPlatformName: string;
  packager: {
    executableName?: string;
    appInfo: { productFilename: string };
  };
}

export type FuseWire = Record<number, FuseState | undefined>;

/** Mirrors electron-builder's own lookup in PlatformPackager.addElectronFuses. */
export const electronBinaryPath = (context: AfterPackContextLike): string => {
  const { appOutDir, electronPlatformName, packager } = context;
  if (electronPlatformName === 'linux') {
    return path.join(appOutDir, packager.executableName ?? packager.appInfo.productFilename);
  }
  if (electronPlatformName === 'win32') {
    return path.join(appOutDir, `${packager.appInfo.productFilename}.exe`);
  }
  return path.join(appOutDir, `${packager.appInfo.productFilename}.app`);
};

/** Names of fuses whose state in `wire` is not what FUSE_CONFIG asks for. */
export const fuseMismatches = (wire: FuseWire): string[] =>
  fuseExpectations()
    .filter(({ index, enabled }) => wire[index] !== (enabled ? FuseState.ENABLE : FuseState.DISABLE))
    .map(({ name, enabled }) => `${name} should be ${enabled ? 'enabled' : 'disabled'}`);

export const afterPack = async (context: AfterPackContextLike): Promise<void> => {
  const binary = electronBinaryPath(context);
  console.log(`  • flipping Electron fuses  file=${binary}`);
  await flipFuses(binary, FUSE_CONFIG);
  const wrong = fuseMismatches((await getCurrentFuseWire(binary)) as unknown as FuseWire);
  if (wrong.length > 0) {
    throw new Error(`Electron fuses not set in ${binary}: ${wrong.join('; ')}`);
  }
  console.log(`  • fuses verified  file=${binary}`);
};

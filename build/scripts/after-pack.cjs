'use strict';
// electron-builder loads hooks with require(); the hook itself is TypeScript
// (after-pack-fuses.ts), loaded through tsx so it shares the tested fuse config.
const { tsImport } = require('tsx/esm/api');

module.exports = async function afterPack(context) {
  const hook = await tsImport('./after-pack-fuses.ts', __filename);
  await hook.afterPack(context);
};

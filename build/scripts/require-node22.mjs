// npm puts node_modules/.bin first on PATH, so scripts run on the pinned Node 22 (node-<os>-<arch> optional dependency)
// even where the system Node is older. This guard names the problem if that ever fails.
const [major, minor] = process.versions.node.split('.').map(Number);
if (major < 22 || (major === 22 && minor < 12)) {
  console.error(
    `保密台账 needs Node >= 22.12 but this script runs on ${process.version} (${process.execPath}).\n` +
      'Run it through npm (npm test / npm start) after `npm ci`, so that the pinned Node 22 in node_modules/.bin is used.',
  );
  process.exit(1);
}

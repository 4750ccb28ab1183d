import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { ALLOWED_POWERSHELL_SCRIPTS, literalValue, scanChildProcess, sha256 } from './child-process-scan';

const messages = (code: string) => scanChildProcess(code).map((f) => f.message);
const repoRoot = path.resolve(import.meta.dirname, '..', '..');
const IMPORT = "import { execFile } from 'node:child_process';\n";

describe('scanChildProcess', () => {
  it.each([
    ['curl by execFile', `${IMPORT}execFile('curl', ['http://example.com']);`, /execFile\('curl'\): not in the allowlist/],
    ['a program named by a variable', `${IMPORT}execFile(prog, []);`, /named by an expression/],
    ['a shell option', `${IMPORT}execFile('dd', ['if=x'], { shell: true });`, /shell option/],
    ['a PowerShell script built at run time', `${IMPORT}execFile('powershell.exe', ['-Command', 'Invoke-WebRequest -Uri ' + u]);`, /not a constant made of literals/],
    ['a PowerShell script not reviewed', `${IMPORT}execFile('powershell.exe', ['-Command', 'Invoke-WebRequest -Uri http://x']);`, /is not a reviewed one/],
    ['-EncodedCommand', `${IMPORT}execFile('powershell.exe', ['-EncodedCommand', 'SQBFAFgA', '-Command', 'x']);`, /arguments outside/],
    ['PowerShell arguments not an array literal', `${IMPORT}execFile('powershell.exe', args);`, /not an array literal/],
    ['a PowerShell script constant not reviewed', `${IMPORT}const S = 'Invoke-RestMethod x';\nexecFile('powershell.exe', ['-NoProfile', '-Command', S]);`, /is not a reviewed one/],
    ['curl through a default-parameter alias', `${IMPORT}export function f(run = execFile) {\n  run('curl', []);\n}`, /execFile\('curl'\)/],
    ['wget through a const alias', `${IMPORT}const run = execFile;\nrun('wget', ['x']);`, /execFile\('wget'\)/],
    ['promisify(execFile)', `${IMPORT}const p = promisify(execFile);`, /handed on as a value/],
    ['the alias handed on', `${IMPORT}export function f(run = execFile) {\n  return go(run);\n}`, /handed on as a value/],
    ['exec (a shell line)', "import { exec } from 'child_process';\nexec('lsblk; curl x');", /runs a shell command line/],
    ['spawn renamed on import', "import { spawn as s } from 'node:child_process';\ns('nc', ['-l']);", /spawn\('nc'\)/],
    ['a namespace import', "import * as cp from 'node:child_process';\ncp.spawnSync('curl');", /spawnSync\('curl'\)/],
    ['the module as a value', "import cp from 'node:child_process';\nconst m = cp;", /module \(cp\) is handed on as a value/],
    ['CommonJS destructuring with rename', "const { execFile: ef } = require('child_process');\nef('curl');", /execFile\('curl'\)/],
    ["require('child_process').execFileSync inline", "require('child_process').execFileSync('wget', []);", /execFileSync\('wget'\)/],
    ['fork', "const { fork } = require('node:child_process');\nfork('x.js');", /fork starts a Node script/],
    ['import() of child_process', "const m = await import('node:child_process');", /cannot follow/],
    ["esbuild's (0, ns.execFile)(...) form", 'var import_node_child_process = require("node:child_process");\n(0, import_node_child_process.execFile)("curl", []);', /execFile\('curl'\)/],
    ["esbuild's __toESM namespace .default", 'var cp2 = __toESM(require("node:child_process"), 1);\ncp2.default.spawn("curl");', /spawn\('curl'\)/],
  ])('flags %s', (_label, code, message) => {
    expect(messages(code)).toEqual([expect.stringMatching(message)]);
  });

  it('allows the calls main/volumes makes, in source and bundle forms', () => {
    const clean = [
      IMPORT,
      "execFile('dd', [`if=${file}`, 'iflag=nocache', 'count=0', 'status=none'], { timeout: 30_000 }, cb);",
      'export function listLinuxVolumes(run: typeof execFile = execFile) {',
      "  return run('lsblk', LSBLK_ARGS, { timeout: 10_000 }, cb);",
      '}',
      'var import_node_child_process2 = require("node:child_process");',
      'function listLinuxVolumes2(run2 = import_node_child_process2.execFile) {',
      '  run2("lsblk", LSBLK_ARGS, { timeout: 1e4, encoding: "utf8" }, cb);',
      '}',
      // Another function's `run2` is not the alias: it is out of the alias's scope.
      'function other(run2) { run2(anything); }',
    ].join('\n');
    expect(scanChildProcess(clean)).toEqual([]);
  });

  it('allows powershell.exe with the reviewed script of main/volumes/windows-volumes.ts', () => {
    const file = readFileSync(path.join(repoRoot, 'main', 'volumes', 'windows-volumes.ts'), 'utf8');
    expect(scanChildProcess(file)).toEqual([]);
    // One character more in the script is another script.
    const changed = file.replace("'} | ConvertTo-Json -Compress',", "'} | ConvertTo-Json -Compress ',");
    expect(changed).not.toBe(file);
    expect(messages(changed)).toEqual([expect.stringMatching(/is not a reviewed one/)]);
  });

  it('reads string literals as JavaScript does', () => {
    expect(literalValue(String.raw`'a\'b\n\u4fdd\x41'`)).toBe("a'b\n保A");
    expect(literalValue('`x${y}`')).toBeNull();
    expect(literalValue("'a' + 'b'")).toBeNull();
    expect(Object.keys(ALLOWED_POWERSHELL_SCRIPTS).every((h) => /^[0-9a-f]{64}$/.test(h))).toBe(true);
    expect(sha256('')).toBe('e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855');
  });
});

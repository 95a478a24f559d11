// Owns hardening the packed Electron binary: flips its fuses after packing and before electron-builder signs it.
'use strict';

const fs = require('node:fs');
const path = require('node:path');

/**
 * What each fuse is set to, by @electron/fuses' FuseV1Options name.
 * - RunAsNode off: ELECTRON_RUN_AS_NODE cannot turn the desk into a general Node interpreter.
 * - EnableCookieEncryption on: Chromium's cookie store is encrypted with the OS keystore.
 * - EnableNodeOptionsEnvironmentVariable / EnableNodeCliInspectArguments off: no code injection or debugger
 *   attachment through NODE_OPTIONS or --inspect.
 * - EnableEmbeddedAsarIntegrityValidation + OnlyLoadAppFromAsar on: only the app.asar electron-builder hashed
 *   is loaded (validated on Windows and macOS; on Linux Electron has no integrity check, the asar-only rule holds).
 * - GrantFileProtocolExtraPrivileges off: the renderer is served from app://desk, file:// gets no extra power.
 */
const FUSE_SETTINGS = Object.freeze({
  RunAsNode: false,
  EnableCookieEncryption: true,
  EnableNodeOptionsEnvironmentVariable: false,
  EnableNodeCliInspectArguments: false,
  EnableEmbeddedAsarIntegrityValidation: true,
  OnlyLoadAppFromAsar: true,
  GrantFileProtocolExtraPrivileges: false,
});

/** The Electron executable electron-builder has just packed, for the platforms it can target. */
function electronBinaryPath(context) {
  const { appOutDir, electronPlatformName, packager } = context;
  switch (electronPlatformName) {
    case 'win32':
      return path.join(appOutDir, `${packager.appInfo.productFilename}.exe`);
    case 'linux':
      // LinuxPackager names the binary after `executableName` (or the lower-cased product name).
      return path.join(appOutDir, packager.executableName ?? packager.appInfo.productFilename);
    case 'darwin':
    case 'mas':
      return path.join(appOutDir, `${packager.appInfo.productFilename}.app`);
    default:
      throw new Error(`after-pack: no fuse handling for platform "${electronPlatformName}".`);
  }
}

async function afterPack(context) {
  // @electron/fuses 2 is an ES module; this hook is CommonJS because electron-builder loads it with require.
  const { FuseV1Options, FuseVersion, FuseState, flipFuses, getCurrentFuseWire } = await import('@electron/fuses');
  const binary = electronBinaryPath(context);
  if (!fs.existsSync(binary)) throw new Error(`after-pack: Electron binary not found at ${binary}`);

  const config = { version: FuseVersion.V1 };
  for (const [name, enabled] of Object.entries(FUSE_SETTINGS)) {
    const index = FuseV1Options[name];
    if (typeof index !== 'number') throw new Error(`after-pack: @electron/fuses knows no fuse "${name}".`);
    config[index] = enabled;
  }
  // Flipping an unsigned ad-hoc macOS binary invalidates its signature; re-sign it so it still starts.
  config.resetAdHocDarwinSignature = context.electronPlatformName === 'darwin' && context.arch === 3; // Arch.arm64

  await flipFuses(binary, config);

  // Read the wire back: a fuse the binary marks as removed is silently skipped by flipFuses.
  const wire = await getCurrentFuseWire(binary);
  for (const [name, enabled] of Object.entries(FUSE_SETTINGS)) {
    const expected = enabled ? FuseState.ENABLE : FuseState.DISABLE;
    if (wire[FuseV1Options[name]] !== expected) {
      throw new Error(`after-pack: fuse ${name} did not take in ${binary}.`);
    }
  }
  console.log(`  • fuses flipped  file=${path.relative(process.cwd(), binary)}`);
}

module.exports = afterPack;
module.exports.default = afterPack;
module.exports.FUSE_SETTINGS = FUSE_SETTINGS;
module.exports.electronBinaryPath = electronBinaryPath;

// Owns packaging: what goes into the installers (Windows NSIS, Linux AppImage and deb), how the native
// SQLite module is rebuilt and unpacked, and the after-pack hook that flips Electron's fuses.
'use strict';

/** @type {import('electron-builder').Configuration} */
const config = {
  appId: 'id.go.bp3mi.mejaklarifikasi',
  productName: 'Meja Klarifikasi',
  copyright: 'BP3MI / Direktorat Jenderal Imigrasi',
  directories: { output: 'release', buildResources: 'build' },

  // The main process and the preload are bundled (dist-electron), the renderer is built by Vite (dist/renderer);
  // node_modules carries production dependencies only, which electron-builder selects itself.
  files: [
    'dist/renderer/**/*',
    'dist-electron/**/*',
    'package.json',
    'node_modules/**/*',
    // better-sqlite3's C sources and build leftovers are needed to compile it, never at run time
    // (sqlite3.c alone is 9 MB); only build/Release/better_sqlite3.node and lib/ are loaded.
    '!node_modules/better-sqlite3/deps/**',
    '!node_modules/better-sqlite3/src/**',
    '!node_modules/better-sqlite3/build/deps/**',
    '!node_modules/better-sqlite3/build/Release/obj/**',
    '!node_modules/better-sqlite3/build/Release/test_extension.node',
  ],
  asar: true,
  // A native module cannot be loaded from inside an asar archive; Electron redirects the require to
  // app.asar.unpacked, so the .node files must be placed there.
  asarUnpack: ['node_modules/better-sqlite3/**/*.node'],

  // better-sqlite3 is compiled against Node's ABI by `npm install`; it must be rebuilt for Electron's.
  // @electron/rebuild first fetches better-sqlite3's prebuilt binary for the target Electron and falls back to
  // compiling; forcing a source build would need a compiler for the target OS and break Windows builds on Linux.
  npmRebuild: true,
  buildDependenciesFromSource: false,

  // Fuses are flipped in one place, after-pack.cjs (electron-builder's own `electronFuses` stays unset).
  afterPack: './build/after-pack.cjs',
  // Officers work in Indonesian or English; the other Chromium locales are dead weight on the desk.
  electronLanguages: ['id', 'en-US'],
  publish: null,

  win: {
    target: [{ target: 'nsis', arch: ['x64'] }],
    icon: 'build/icons/512x512.png',
    artifactName: 'meja-klarifikasi-${version}-setup-${arch}.${ext}',
  },
  nsis: {
    // Installed once per desk PC for every Windows account; the desk database stays in each account's AppData
    // and survives uninstalling (deleteAppDataOnUninstall stays false).
    oneClick: false,
    perMachine: true,
    allowElevation: true,
    allowToChangeInstallationDirectory: false,
    deleteAppDataOnUninstall: false,
    createDesktopShortcut: true,
    createStartMenuShortcut: true,
    shortcutName: 'Meja Klarifikasi',
  },

  linux: {
    target: [
      { target: 'AppImage', arch: ['x64'] },
      { target: 'deb', arch: ['x64'] },
    ],
    icon: 'build/icons',
    executableName: 'meja-klarifikasi',
    category: 'Office',
    synopsis: 'Clarification desk for departing migrant workers',
    // Shown as the deb package's maintainer; replace with the team's support address before release.
    maintainer: 'BP3MI',
    vendor: 'BP3MI',
    artifactName: 'meja-klarifikasi-${version}-${arch}.${ext}',
  },
};

module.exports = config;

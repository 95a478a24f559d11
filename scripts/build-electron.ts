// Owns `npm run build:electron`: bundles the main process and the preload into dist-electron/ as CommonJS.
// The preload must be a single file (a sandboxed preload can require only 'electron'); the main bundle keeps
// electron and better-sqlite3 (a native module, rebuilt for Electron by electron-builder) outside.
import { build, type BuildOptions, type Metafile, type Plugin } from 'esbuild';
import { realpathSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');

/** Modules that stay `require(...)` calls in the main bundle. */
export const MAIN_EXTERNALS = ['electron', 'better-sqlite3'] as const;
/** The only module the preload may require at run time. */
export const PRELOAD_EXTERNALS = ['electron'] as const;

export interface ElectronBuildOptions {
  /** Where main.cjs and preload.cjs go; dist-electron by default. */
  outDir?: string;
  /** The project root; the repository by default. */
  root?: string;
}

export interface ElectronBuildResult {
  mainFile: string;
  preloadFile: string;
  main: Metafile;
  preload: Metafile;
}

/**
 * The shared contract's modules only declare schemas and constants. Marking them free of side effects lets
 * esbuild drop every export the preload does not use, so the preload carries two channel names, not zod
 * and the whole procedure table.
 */
const contractIsPure = (root: string): Plugin => ({
  name: 'contract-is-pure',
  setup(pluginBuild) {
    const contractDir = path.join(root, 'shared', 'contract') + path.sep;
    // Relative imports only: the contract reaches its own files (./procedures) and the preload reaches it by path.
    pluginBuild.onResolve({ filter: /^\./ }, async (args) => {
      if (args.pluginData === 'contract-is-pure') return undefined;
      const resolved = await pluginBuild.resolve(args.path, {
        kind: args.kind,
        resolveDir: args.resolveDir,
        importer: args.importer,
        pluginData: 'contract-is-pure',
      });
      if (resolved.errors.length > 0 || !resolved.path.startsWith(contractDir)) return undefined;
      return { path: resolved.path, sideEffects: false };
    });
  },
});

function common(root: string) {
  return {
    absWorkingDir: root,
    bundle: true,
    platform: 'node',
    format: 'cjs',
    // Electron 45 runs Node 22.
    target: 'node22',
    sourcemap: true,
    metafile: true,
    logLevel: 'warning',
    // import.meta is empty in CommonJS: fail the build rather than ship a main process that breaks at start.
    logOverride: { 'empty-import-meta': 'error' },
  } as const satisfies BuildOptions;
}

export async function buildElectron(options: ElectronBuildOptions = {}): Promise<ElectronBuildResult> {
  const root = options.root ?? ROOT;
  const outDir = path.resolve(root, options.outDir ?? 'dist-electron');
  const mainFile = path.join(outDir, 'main.cjs');
  const preloadFile = path.join(outDir, 'preload.cjs');

  const [main, preload] = await Promise.all([
    build({
      ...common(root),
      entryPoints: [path.join(root, 'electron/main/main.ts')],
      outfile: mainFile,
      external: [...MAIN_EXTERNALS],
    }),
    build({
      ...common(root),
      entryPoints: [path.join(root, 'electron/preload/preload.ts')],
      outfile: preloadFile,
      external: [...PRELOAD_EXTERNALS],
      plugins: [contractIsPure(root)],
    }),
  ]);
  return { mainFile, preloadFile, main: main.metafile, preload: preload.metafile };
}

function isEntryPoint(): boolean {
  const invoked = process.argv[1];
  if (invoked === undefined) return false;
  try {
    return import.meta.url === pathToFileURL(realpathSync(invoked)).href;
  } catch {
    return false;
  }
}

if (isEntryPoint()) {
  buildElectron()
    .then(({ mainFile, preloadFile }) => {
      console.log(`Built ${path.relative(ROOT, mainFile)} and ${path.relative(ROOT, preloadFile)}`);
    })
    .catch((error: unknown) => {
      // esbuild has already printed the details.
      if (!(error instanceof Error && 'errors' in error)) console.error(error);
      process.exit(1);
    });
}

// Lint rules, chiefly the import rules of ARCHITECTURE.md: each layer may import only what its row allows,
// so a wrong import fails `npm test` as well as the per-layer typecheck.
import { readdirSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import importX, { createNodeResolver } from 'eslint-plugin-import-x';
import tseslint from 'typescript-eslint';

const ROOT = fileURLToPath(new URL('.', import.meta.url));

const NODE_BUILTINS = [
  'assert', 'buffer', 'child_process', 'crypto', 'events', 'fs', 'fs/promises', 'http', 'https', 'net', 'os', 'path',
  'process', 'stream', 'url', 'util', 'worker_threads', 'zlib',
];
const nodeImports = [{ group: ['node:*'], message: 'This layer must not use Node APIs.' }];
const nodeNames = NODE_BUILTINS.map((name) => ({ name, message: 'This layer must not use Node APIs.' }));
const electronImport = { name: 'electron', message: 'Only electron/main and electron/preload may import Electron.' };
const reactImports = [{ name: 'react', message: 'React belongs to renderer/.' }, { name: 'react-dom', message: 'React belongs to renderer/.' }];
const databaseImport = { name: 'better-sqlite3', message: 'The database belongs to electron/core.' };
// Each folder is refused both as a module ('../core') and as a path into it ('../core/x').
const layer = (group, message) => ({ group: group.flatMap((g) => [g, g.replace(/\/\*\*$/, '')]), message });

// The renderer's zones (ARCHITECTURE.md, after bulletproof-react): a feature imports no other feature, and only the
// app shell composes features. Each folder under renderer/src/features/ is a zone of its own, found on disk, so a
// new feature is fenced in without touching this file. What two features need lives in components/ or lib/.
const RENDERER = 'renderer/src';
const FEATURES = readdirSync(new URL(`./${RENDERER}/features`, import.meta.url), { withFileTypes: true })
  .filter((entry) => entry.isDirectory())
  .map((entry) => entry.name);
const rendererZones = [
  ...FEATURES.map((feature) => ({
    target: `${RENDERER}/features/${feature}`,
    from: `${RENDERER}/features`,
    except: [`./${feature}`],
    message: 'A feature imports no other feature: move what both need to renderer/src/components/ (UI) or renderer/src/lib/.',
  })),
  {
    target: [`${RENDERER}/components`, `${RENDERER}/lib`, `${RENDERER}/workers`],
    from: `${RENDERER}/features`,
    message: 'Shared renderer code imports no feature.',
  },
  {
    target: [`${RENDERER}/features`, `${RENDERER}/components`, `${RENDERER}/lib`, `${RENDERER}/workers`],
    from: `${RENDERER}/app`,
    message: 'Only the app shell (renderer/src/app/) composes the features; nothing else imports it.',
  },
];

function restrict(files, names, patterns) {
  return { files, rules: { 'no-restricted-imports': ['error', { paths: names, patterns }] } };
}

export default tseslint.config(
  { ignores: ['dist/**', 'dist-electron/**', 'release/**', 'node_modules/**', 'test-output/**', 'test-results/**', 'build/**/*.cjs', '**/model/*.json'] },
  ...tseslint.configs.recommended,
  {
    rules: {
      '@typescript-eslint/no-explicit-any': 'error',
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      '@typescript-eslint/no-non-null-assertion': 'off',
    },
  },
  {
    // A module may not reach itself through its imports: a cycle makes load order decide what is undefined.
    files: ['**/*.{ts,tsx}'],
    plugins: { 'import-x': importX },
    settings: {
      'import-x/resolver-next': [createNodeResolver({ extensions: ['.ts', '.tsx', '.js', '.json'] })],
      'import-x/parsers': { '@typescript-eslint/parser': ['.ts', '.tsx'] },
    },
    rules: { 'import-x/no-cycle': ['error', { ignoreExternal: true }] },
  },
  restrict(['shared/**/*.ts'], [electronImport, databaseImport, ...reactImports, ...nodeNames], [
    ...nodeImports,
    layer(['**/electron/**', '**/renderer/**', '**/server/**'], 'shared/ imports only shared/ and pure libraries.'),
  ]),
  restrict(['electron/core/**/*.ts'], [electronImport, ...reactImports], [
    layer(['**/renderer/**', '**/main/**', '**/host/**', '**/preload/**'], 'electron/core imports only shared/, node:* and better-sqlite3.'),
  ]),
  restrict(['electron/host/**/*.ts'], [electronImport, ...reactImports], [layer(['**/renderer/**', '**/main/**', '**/preload/**'], 'The browser host imports only electron/core and shared/.')]),
  restrict(['electron/main/**/*.ts'], [...reactImports], [layer(['**/renderer/**', '**/host/**', '**/preload/**'], 'electron/main imports only electron/core, shared/ and Electron.')]),
  restrict(['electron/preload/**/*.ts'], [databaseImport, ...reactImports, ...nodeNames], [
    ...nodeImports,
    layer(['**/renderer/**', '**/core/**', '**/main/**', '**/host/**'], 'The preload exposes invoke and on only; it imports Electron and the contract names.'),
  ]),
  restrict(['renderer/**/*.{ts,tsx}'], [electronImport, databaseImport, ...nodeNames], [
    ...nodeImports,
    layer(['**/electron/**', '**/server/**'], 'The renderer reaches the core only through the contract client.'),
  ]),
  {
    files: [`${RENDERER}/**/*.{ts,tsx}`],
    rules: { 'import-x/no-restricted-paths': ['error', { basePath: ROOT, zones: rendererZones }] },
  },
  restrict(['server/**/*.ts'], [electronImport, ...reactImports], [layer(['**/electron/**', '**/renderer/**'], 'The hub imports only shared/, node:* and its database client.')]),
);

import js from '@eslint/js';
import reactHooks from 'eslint-plugin-react-hooks';
import globals from 'globals';
import tseslint from 'typescript-eslint';

/**
 * Layering (docs/architecture.md): `shared` imports nothing of ours and no runtime APIs;
 * only `src/main/app` imports electron; nothing imports the renderer; services never
 * import the Electron shell.
 */
const noElectron = { name: 'electron', message: 'Only src/main/app may import electron.' };
const nodeBuiltins = ['node:*', 'fs', 'fs/*', 'path', 'os', 'crypto', 'child_process', 'http', 'net', 'url', 'zlib', 'stream'];
/** Signing and verifying happen in main and the command line: the page never loads the Ed25519 code. */
const noSigningCode = { name: 'libsodium-wrappers', message: 'Ed25519 runs in main and the command line only (src/shared/identity/ed25519.ts).' };
const noSigningModule = { group: ['**/identity/ed25519', './ed25519'], allowTypeImports: true, message: 'Ed25519 runs in main and the command line only; take an Ed25519 as a parameter.' };

export default tseslint.config(
  { ignores: ['out/**', 'dist/**', 'node_modules/**', 'test-results/**', 'playwright-report/**', 'bench-results/**'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    languageOptions: { globals: { ...globals.node, ...globals.browser } },
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      'no-restricted-imports': ['error', { paths: [noElectron] }],
    },
  },
  {
    files: ['src/shared/**'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          paths: [noElectron, { name: 'react', message: 'shared is plain TypeScript.' }, noSigningCode],
          patterns: [
            { group: nodeBuiltins, message: 'shared runs everywhere: no Node built-ins.' },
            { group: ['**/main/**', '**/renderer/**', '**/preload/**'], message: 'shared imports nothing of ours outside shared.' },
            noSigningModule,
          ],
        },
      ],
      'no-restricted-globals': ['error', 'window', 'document', 'navigator', 'process', 'Buffer', 'require'],
    },
  },
  {
    // The one module that loads libsodium; everything else in shared takes an Ed25519 as a parameter.
    files: ['src/shared/identity/ed25519.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          paths: [noElectron, { name: 'react', message: 'shared is plain TypeScript.' }],
          patterns: [{ group: nodeBuiltins, message: 'shared runs everywhere: no Node built-ins.' }],
        },
      ],
    },
  },
  {
    files: ['src/main/app/**'],
    rules: {
      'no-restricted-imports': ['error', { patterns: [{ group: ['**/renderer/**'], message: 'nothing imports the renderer.' }] }],
    },
  },
  {
    files: ['src/main/services/**', 'src/main/handlers.ts', 'src/main/handlers/**', 'src/main/preview/**'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          paths: [noElectron],
          patterns: [
            { group: ['**/app/**', '../app', './app', '../app/**', './app/**', '../../app/**'], message: 'services and handlers do not depend on the Electron shell.' },
            { group: ['**/renderer/**'], message: 'nothing imports the renderer.' },
          ],
        },
      ],
    },
  },
  {
    files: ['src/cli/**'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          paths: [noElectron],
          patterns: [{ group: ['**/main/app/**', '**/renderer/**', '**/preload/**'], message: 'the command line uses shared and the plain Node services only.' }],
        },
      ],
    },
  },
  {
    files: ['src/preload/**'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          paths: [noSigningCode],
          patterns: [
            { group: ['**/main/**', '**/renderer/**'], message: 'the preload imports only shared.' },
            { group: ['zod', '**/shared/zod'], message: 'keep the preload small: no schemas.' },
            noSigningModule,
          ],
        },
      ],
    },
  },
  {
    files: ['src/renderer/**'],
    plugins: { 'react-hooks': reactHooks },
    rules: {
      ...reactHooks.configs.recommended.rules,
      'no-restricted-imports': [
        'error',
        {
          paths: [noElectron, noSigningCode],
          patterns: [
            { group: nodeBuiltins, message: 'the renderer is a sandboxed web page: no Node built-ins.' },
            { group: ['**/main/**', '**/preload/**'], message: 'the renderer talks to main only through the bridge.' },
            noSigningModule,
          ],
        },
      ],
    },
  },
);

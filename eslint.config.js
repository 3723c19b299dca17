// Lint rules double as architecture rules: the dependency direction of the design card
// (shared <- electron, shared <- renderer; only renderer/platform reads the bridge) is enforced here.
import js from '@eslint/js';
import tseslint from 'typescript-eslint';
import reactHooks from 'eslint-plugin-react-hooks';
import globals from 'globals';

const nodeBuiltins = [
  'assert', 'buffer', 'child_process', 'crypto', 'events', 'fs', 'fs/promises', 'http', 'https', 'net', 'os',
  'path', 'process', 'stream', 'url', 'util', 'worker_threads', 'zlib', 'timers', 'tls', 'dns', 'vm',
];
const nodeBuiltinPatterns = ['node:*', ...nodeBuiltins];

export default tseslint.config(
  {
    ignores: ['out/**', 'dist/**', 'dist-web/**', 'release/**', 'coverage/**', 'node_modules/**',
      'test-results/**', 'playwright-report/**', 'resources/fonts/**'],
  },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    languageOptions: { globals: { ...globals.es2022 } },
    rules: {
      '@typescript-eslint/consistent-type-imports': 'error',
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      eqeqeq: ['error', 'always'],
      'no-console': ['error', { allow: ['warn', 'error', 'info'] }],
    },
  },
  // shared/: pure TypeScript, runs in the renderer and in Node alike.
  {
    files: ['shared/**/*.ts'],
    ignores: ['shared/**/*.test.ts'],
    rules: {
      'no-restricted-imports': ['error', {
        patterns: [
          { group: ['react', 'react-dom', 'react/*', 'dexie', 'dexie/*', 'electron', 'electron/*', 'antd', 'antd/*', 'zustand', 'zustand/*'],
            message: 'shared/ is pure: no UI, storage or Electron imports.' },
          { group: nodeBuiltinPatterns, message: 'shared/ must not import Node built-ins (it also runs in the renderer).' },
          { group: ['**/renderer/**', '**/electron/**'], message: 'shared/ imports nothing from renderer/ or electron/.' },
        ],
      }],
    },
  },
  // renderer/: browser code. No Node, no Electron, never the main process.
  {
    files: ['renderer/**/*.{ts,tsx}'],
    ignores: ['renderer/vite.web.config.ts'],
    languageOptions: { globals: { ...globals.browser } },
    plugins: { 'react-hooks': reactHooks },
    rules: {
      ...reactHooks.configs.recommended.rules,
      'no-restricted-imports': ['error', {
        patterns: [
          { group: ['electron', 'electron/*'], message: 'renderer/ never imports electron; go through renderer/platform.' },
          { group: nodeBuiltinPatterns, message: 'renderer/ runs in a sandboxed page: no Node built-ins.' },
          { group: ['**/electron/**'], message: 'renderer/ never imports electron/.' },
        ],
      }],
      'no-restricted-globals': ['error',
        { name: 'huiwen', message: 'Only renderer/platform reads the desktop bridge.' }],
      'no-restricted-properties': ['error',
        { object: 'window', property: 'huiwen', message: 'Only renderer/platform reads the desktop bridge.' }],
    },
  },
  // Dexie is wrapped by renderer/data alone.
  {
    files: ['renderer/**/*.{ts,tsx}'],
    ignores: ['renderer/data/**', 'renderer/vite.web.config.ts'],
    rules: {
      'no-restricted-imports': ['error', {
        patterns: [
          { group: ['dexie', 'dexie/*'], message: 'Only renderer/data imports dexie.' },
          { group: ['electron', 'electron/*'], message: 'renderer/ never imports electron; go through renderer/platform.' },
          { group: nodeBuiltinPatterns, message: 'renderer/ runs in a sandboxed page: no Node built-ins.' },
          { group: ['**/electron/**'], message: 'renderer/ never imports electron/.' },
        ],
      }],
    },
  },
  {
    files: ['renderer/platform/**/*.{ts,tsx}'],
    rules: { 'no-restricted-globals': 'off', 'no-restricted-properties': 'off' },
  },
  // electron/: main and preload never reach into the renderer.
  {
    files: ['electron/**/*.ts'],
    languageOptions: { globals: { ...globals.node } },
    rules: {
      'no-restricted-imports': ['error', {
        patterns: [{ group: ['**/renderer/**', 'react', 'react-dom', 'antd', 'dexie'], message: 'electron/ never imports renderer/ code.' }],
      }],
    },
  },
  {
    files: ['test/**/*.ts', 'scripts/**/*.{ts,mjs}', 'bench/**/*.ts', '*.config.{ts,js}', 'electron.vite.config.ts', 'renderer/vite.web.config.ts', '**/*.test.{ts,tsx}'],
    languageOptions: { globals: { ...globals.node } },
    rules: { 'no-console': 'off' },
  },
);

import js from '@eslint/js';
import tseslint from 'typescript-eslint';
import reactHooks from 'eslint-plugin-react-hooks';
import globals from 'globals';

// Layers: each folder may import only what can run where its code runs.
// shared/ runs anywhere (main, renderer, server); renderer/ runs in a sandboxed page.
const nodeBuiltins = ['node:*', 'fs', 'path', 'os', 'crypto', 'child_process', 'http', 'https', 'net', 'url', 'util', 'stream', 'worker_threads'];
const layer = (patterns, message) => ({
  'no-restricted-imports': ['error', { patterns: [{ group: patterns, message }] }],
});

export default tseslint.config(
  { ignores: ['.bench', '.data', 'node_modules', 'dist', 'dist-electron', 'release', 'db/migrations', 'test-results', 'playwright-report', 'e2e-artifacts'] },
  js.configs.recommended,
  ...tseslint.configs.strict,
  {
    languageOptions: { globals: { ...globals.node, ...globals.browser } },
    rules: {
      '@typescript-eslint/consistent-type-assertions': ['error', { assertionStyle: 'as', objectLiteralTypeAssertions: 'never' }],
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      'eslint-comments/no-use': 'off',
    },
    linterOptions: { noInlineConfig: true, reportUnusedDisableDirectives: 'error' },
  },
  {
    files: ['shared/**/*.{ts,tsx}'],
    rules: layer(
      [...nodeBuiltins, 'electron', 'electron/*', 'react', 'react-dom', 'react-dom/*', 'better-sqlite3', 'drizzle-orm', 'drizzle-orm/*', '**/db/**', '**/electron/**', '**/renderer/**', '**/server/**'],
      'shared/ is pure TypeScript: no node:, DOM, Electron, React, db/ or other layers.',
    ),
  },
  {
    files: ['shared/**/*.ts'],
    ignores: ['shared/**/*.test.ts'],
    languageOptions: { globals: { ...globals.es2024 } },
    rules: { 'no-restricted-globals': ['error', 'window', 'document', 'navigator', 'localStorage', 'sessionStorage', 'process', 'Buffer', 'require'] },
  },
  {
    files: ['renderer/**/*.{ts,tsx}'],
    plugins: { 'react-hooks': reactHooks },
    rules: {
      ...reactHooks.configs.recommended.rules,
      ...layer(
        [...nodeBuiltins, 'electron', 'electron/*', 'better-sqlite3', 'drizzle-orm', 'drizzle-orm/*', '**/db/**', '**/electron/**', '**/server/**'],
        'renderer/ talks only to the typed API object: no Electron, node:, db/ or server/.',
      ),
    },
  },
  {
    // The one exception: window.tillcard's type is the preload's own export, imported as a type only.
    files: ['renderer/api/window.d.ts'],
    rules: {
      'no-restricted-imports': 'off',
      '@typescript-eslint/no-restricted-imports': ['error', {
        patterns: [
          {
            group: [
              ...nodeBuiltins, 'electron', 'electron/*', 'better-sqlite3', 'drizzle-orm', 'drizzle-orm/*',
              '**/db/**', '**/electron/**', '**/server/**', '!**/electron/preload',
            ],
            message: 'renderer/ talks only to the typed API object: no Electron, node:, db/ or server/.',
          },
          { group: ['**/electron/preload'], message: 'Only the preload’s type, never its code.', allowTypeImports: true },
        ],
      }],
    },
  },
  {
    files: ['db/**/*.ts'],
    rules: layer(['electron', 'electron/*', 'react', '**/renderer/**', '**/electron/**', '**/server/**'], 'db/ knows only SQLite and shared/.'),
  },
  {
    files: ['server/**/*.{ts,tsx}'],
    ignores: ['server/**/*.test.ts'],
    rules: layer(['electron', 'electron/*', '**/electron/**', '**/db/**', '**/renderer/**'], 'server/ is head office: it shares only shared/ with the terminal.'),
  },
);

import js from '@eslint/js';
import tseslint from 'typescript-eslint';
import reactHooks from 'eslint-plugin-react-hooks';
import globals from 'globals';

// Layers: each folder may import only what can run where its code runs.
// shared/ runs anywhere (main, renderer, server); renderer/ runs in a sandboxed page.
const nodeBuiltins = [
  'node:*',
  'fs',
  'path',
  'os',
  'crypto',
  'child_process',
  'http',
  'https',
  'net',
  'url',
  'util',
  'stream',
  'worker_threads',
];
const layer = (patterns, message) => ({
  'no-restricted-imports': ['error', { patterns: [{ group: patterns, message }] }],
});

// electron/ in layers, lowest first: a file imports from its own layer or a lower one, never up
// (platform: SQLite plumbing; core: the call machinery; services: business rules; sync: head office;
// terminal: the composition root). The hosts (main, preload, IPC, window, browser-host, cli) sit on top.
const electronLayers = ['platform', 'core', 'services', 'sync', 'terminal'];
const electronHosts = [
  '../main',
  '../preload',
  '../ipcRegistration',
  '../window',
  '../renderer*',
  '../browser-host/**',
  '../cli/**',
];
const testFiles = ['**/*.test.ts', '**/*.test.tsx', '**/*.testkit.ts'];
const notServerOrPage = {
  group: ['**/server/**', '**/renderer/**'],
  message: 'electron/ shares only shared/ with head office and the till page (tests and *.testkit.ts may use server/).',
};
const electronLayerRules = electronLayers.map((name, i) => ({
  files: [`electron/${name}/**/*.ts`],
  ignores: testFiles,
  rules: {
    'no-restricted-imports': [
      'error',
      {
        patterns: [
          {
            group: [...electronLayers.slice(i + 1).map((above) => `../${above}/**`), ...electronHosts],
            message: `electron/${name}/ imports only ${electronLayers.slice(0, i + 1).join(', ')}, db/ and shared/.`,
          },
          notServerOrPage,
        ],
      },
    ],
  },
}));

export default tseslint.config(
  {
    ignores: [
      '.bench',
      '.data',
      'node_modules',
      'dist',
      'dist-electron',
      'release',
      'db/migrations',
      'test-results',
      'playwright-report',
      'e2e-artifacts',
    ],
  },
  js.configs.recommended,
  ...tseslint.configs.strict,
  {
    languageOptions: { globals: { ...globals.node, ...globals.browser } },
    rules: {
      '@typescript-eslint/consistent-type-assertions': [
        'error',
        { assertionStyle: 'as', objectLiteralTypeAssertions: 'never' },
      ],
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      // Prettier wraps code at 120 but cannot break strings or comments; this catches those.
      // The one exception: the recorded fuzz bodies in server/sync/pushUnstorableText.test.ts, kept verbatim.
      'max-len': ['error', { code: 120, ignoreUrls: true, ignorePattern: '^\\s*String\\.raw`\\{"protocolVersion":' }],
      'eslint-comments/no-use': 'off',
    },
    linterOptions: { noInlineConfig: true, reportUnusedDisableDirectives: 'error' },
  },
  {
    files: ['shared/**/*.{ts,tsx}'],
    rules: layer(
      [
        ...nodeBuiltins,
        'electron',
        'electron/*',
        'react',
        'react-dom',
        'react-dom/*',
        'better-sqlite3',
        'drizzle-orm',
        'drizzle-orm/*',
        '**/db/**',
        '**/electron/**',
        '**/renderer/**',
        '**/server/**',
      ],
      'shared/ is pure TypeScript: no node:, DOM, Electron, React, db/ or other layers.',
    ),
  },
  {
    files: ['shared/**/*.ts'],
    ignores: ['shared/**/*.test.ts'],
    languageOptions: { globals: { ...globals.es2024 } },
    rules: {
      'no-restricted-globals': [
        'error',
        'window',
        'document',
        'navigator',
        'localStorage',
        'sessionStorage',
        'process',
        'Buffer',
        'require',
      ],
    },
  },
  {
    files: ['renderer/**/*.{ts,tsx}'],
    plugins: { 'react-hooks': reactHooks },
    rules: {
      ...reactHooks.configs.recommended.rules,
      ...layer(
        [
          ...nodeBuiltins,
          'electron',
          'electron/*',
          'better-sqlite3',
          'drizzle-orm',
          'drizzle-orm/*',
          '**/db/**',
          '**/electron/**',
          '**/server/**',
        ],
        'renderer/ talks only to the typed API object: no Electron, node:, db/ or server/.',
      ),
    },
  },
  {
    // The one exception: window.tillcard's type is the preload's own export, imported as a type only.
    files: ['renderer/api/window.d.ts'],
    rules: {
      'no-restricted-imports': 'off',
      '@typescript-eslint/no-restricted-imports': [
        'error',
        {
          patterns: [
            {
              group: [
                ...nodeBuiltins,
                'electron',
                'electron/*',
                'better-sqlite3',
                'drizzle-orm',
                'drizzle-orm/*',
                '**/db/**',
                '**/electron/**',
                '**/server/**',
                '!**/electron/preload',
              ],
              message: 'renderer/ talks only to the typed API object: no Electron, node:, db/ or server/.',
            },
            {
              group: ['**/electron/preload'],
              message: 'Only the preload’s type, never its code.',
              allowTypeImports: true,
            },
          ],
        },
      ],
    },
  },
  {
    files: ['db/**/*.ts'],
    rules: layer(
      ['electron', 'electron/*', 'react', '**/renderer/**', '**/electron/**', '**/server/**'],
      'db/ knows only SQLite and shared/.',
    ),
  },
  ...electronLayerRules,
  {
    files: ['electron/*.ts', 'electron/browser-host/**/*.ts', 'electron/cli/**/*.ts'],
    ignores: testFiles,
    rules: { 'no-restricted-imports': ['error', { patterns: [notServerOrPage] }] },
  },
  {
    // A separate rule name, so it adds to each folder's layer rule instead of replacing it.
    // build/ is left out: the bench and soak are test tooling (the fuzzers run on fast-check).
    files: ['electron/**/*.ts', 'db/**/*.ts', 'shared/**/*.ts', 'renderer/**/*.{ts,tsx}', 'server/**/*.{ts,tsx}'],
    ignores: testFiles,
    rules: {
      '@typescript-eslint/no-restricted-imports': [
        'error',
        {
          patterns: [
            {
              group: ['vitest', 'vitest/*', 'fast-check', '**/*.testkit', '**/*.testkit.ts'],
              message: 'Test code: only *.test.ts files and *.testkit.ts test kits may import it.',
            },
          ],
        },
      ],
    },
  },
  ...serverLayers(),
);

/**
 * server/ in layers, lowest first: a file imports only its own layer or lower ones (tests aside);
 * server/testing/ holds the test kits, server/web/ the browser page, which shares only shared/.
 */
function serverLayers() {
  const layers = [
    { name: 'store', files: ['store/**', 'db/**', 'sources.ts'], modules: ['store', 'db', 'sources'] },
    { name: 'http', files: ['http/**'], modules: ['http'] },
    // The summaries (stats/) and spend notices (notices/) are written in the deriver's transactions.
    {
      name: 'sync',
      files: ['sync/**', 'auth.ts', 'stats/**', 'notices/**'],
      modules: ['sync', 'auth', 'stats', 'notices'],
    },
    { name: 'admin', files: ['admin/**', 'campaigns/**'], modules: ['admin', 'campaigns'] },
    { name: 'routes', files: ['routes/**'], modules: ['routes'] },
    {
      name: 'app',
      files: ['app.ts', 'main.ts', 'cli.ts', 'config.ts', 'workers.ts'],
      modules: ['app', 'main', 'cli', 'config', 'workers'],
    },
  ];
  const terminal = {
    group: ['electron', 'electron/*', '**/electron/**', '**/db/**', '**/renderer/**'],
    message: 'server/ is head office: it shares only shared/ with the terminal.',
  };
  const testKits = { group: ['vitest', '**/testing/*'], message: 'server/testing/ and vitest are for tests only.' };
  // Imports are relative: `./x` from a top-level file, `../x` from a file one folder down.
  const above = (modules, topLevel) => ({
    regex: `^${topLevel ? '\\./' : '\\.\\./'}(${modules.join('|')})(/|$)`,
    message:
      'server/ layers, lowest first: store, http, sync (+ auth, stats, notices), admin (+ campaigns), routes, app.',
  });
  return layers
    .flatMap((layer, i) => {
      const higher = [...layers.slice(i + 1).flatMap((l) => l.modules), 'testing', 'web'];
      const topFiles = layer.files.filter((f) => !f.includes('/'));
      const folders = layer.files.filter((f) => f.includes('/'));
      return [
        { files: folders, topLevel: false },
        { files: topFiles, topLevel: true },
      ]
        .filter((part) => part.files.length > 0)
        .map((part) => ({
          files: part.files.map((f) => `server/${f}`),
          ignores: ['server/**/*.test.ts'],
          rules: {
            'no-restricted-imports': ['error', { patterns: [terminal, testKits, above(higher, part.topLevel)] }],
          },
        }));
    })
    .concat([
      {
        files: ['server/testing/**/*.ts'],
        rules: { 'no-restricted-imports': ['error', { patterns: [terminal] }] },
      },
      // server/web/ and its area folders (depth 0–2 below it): up to server/ only on the way to shared/.
      ...[0, 1, 2].map((depth) => ({
        files: [`server/web/${'*/'.repeat(depth)}*.{ts,tsx}`],
        ignores: ['server/**/*.test.ts'],
        rules: {
          'no-restricted-imports': [
            'error',
            {
              patterns: [
                terminal,
                {
                  regex: `^(\\.\\./){${depth + 1}}(?!\\.\\./shared/)`,
                  message: 'server/web/ runs in a browser: only shared/.',
                },
              ],
            },
          ],
        },
      })),
    ]);
}

import { existsSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';

// Packaging cannot run here (it needs Electron's binary), so check what can be checked:
// the config passes electron-builder's own schema and points at what the build produces.
const root = join(import.meta.dirname, '..');
const require = createRequire(import.meta.url);

interface BuilderConfig {
  extraMetadata?: { main?: string };
  files?: string[];
  asarUnpack?: string[];
  icon?: string;
  electronFuses?: Record<string, boolean>;
}

function loadConfig(): BuilderConfig {
  const yaml: { load(text: string): unknown } = require('js-yaml');
  return yaml.load(readFileSync(join(root, 'build', 'electron-builder.yml'), 'utf8')) as BuilderConfig;
}

describe('build/electron-builder.yml', () => {
  it('passes electron-builder’s own configuration schema', async () => {
    const { validateConfiguration } = require('app-builder-lib/out/util/config/config.js') as {
      validateConfiguration(config: unknown, log: { add(): void; isEnabled: boolean }): Promise<void>;
    };
    await expect(
      validateConfiguration(loadConfig(), { add: () => undefined, isEnabled: false }),
    ).resolves.toBeUndefined();
  });

  it('ships the bundles named in package.json and unpacks the native module', () => {
    const config = loadConfig();
    const pkg = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8')) as { main: string };
    expect(config.extraMetadata?.main).toBe(pkg.main);
    expect(config.files).toEqual(
      expect.arrayContaining([
        'dist-electron/**',
        'dist/renderer/**',
        'node_modules/better-sqlite3/build/Release/better_sqlite3.node',
      ]),
    );
    expect(config.asarUnpack).toContain('node_modules/better-sqlite3/**');
    // Every runtime dependency better-sqlite3 loads with must be shipped too.
    const runtimeDeps = ['bindings', 'file-uri-to-path'];
    for (const dep of runtimeDeps) expect(config.files).toContain(`node_modules/${dep}/**`);
    expect(config.icon && existsSync(join(root, config.icon))).toBe(true);
  });

  it('flips the fuses of the security checklist in the packaged binary', () => {
    expect(loadConfig().electronFuses).toMatchObject({
      runAsNode: false,
      enableNodeCliInspectArguments: false,
      onlyLoadAppFromAsar: true,
      enableEmbeddedAsarIntegrityValidation: true,
      grantFileProtocolExtraPrivileges: false,
    });
  });
});

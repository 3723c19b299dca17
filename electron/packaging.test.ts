/**
 * Pins the packaging guarantees in electron-builder.yml (fuses, offline, asar, targets) and checks the
 * file against electron-builder's own schema, since packaging itself cannot run here (no Electron binary).
 */
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { describe, expect, it } from 'vitest';

const root = path.resolve(__dirname, '..');
// Transitive dependencies of electron-builder (always installed with it); used only in this test.
const require = createRequire(path.join(root, 'node_modules', 'electron-builder', 'package.json'));
const yaml = require('js-yaml') as { load: (text: string) => unknown };
const { validateConfiguration } = require('app-builder-lib/out/util/config/config') as {
  validateConfiguration: (config: unknown, logger: { isEnabled: boolean; add: () => void }) => Promise<void>;
};

type Target = { target: string; arch: string[] };
interface BuilderConfig {
  appId: string;
  productName: string;
  asar: boolean;
  publish: unknown;
  files: string[];
  extraResources: { from: string; to: string }[];
  electronFuses: Record<string, boolean>;
  win: { target: Target[] };
  linux: { target: Target[] };
}

const config = yaml.load(readFileSync(path.join(root, 'electron-builder.yml'), 'utf8')) as BuilderConfig;

describe('electron-builder.yml', () => {
  it('is valid for electron-builder 26', async () => {
    await expect(validateConfiguration(config, { isEnabled: false, add: () => {} })).resolves.toBeUndefined();
  });

  it('flips every hardening fuse', () => {
    expect(config.electronFuses).toEqual({
      runAsNode: false,
      enableCookieEncryption: true,
      enableNodeOptionsEnvironmentVariable: false,
      enableNodeCliInspectArguments: false,
      enableEmbeddedAsarIntegrityValidation: true,
      onlyLoadAppFromAsar: true,
      grantFileProtocolExtraPrivileges: false,
    });
  });

  it('ships only the built app in an asar, never publishes, and names the product 会文', () => {
    expect(config.productName).toBe('会文');
    expect(config.appId).toMatch(/^[a-z]+(\.[a-z0-9]+)+$/);
    expect(config.asar).toBe(true);
    expect(config.publish).toBeNull();
    expect(config.files.filter((f) => !f.startsWith('!'))).toEqual(['out/**']);
    expect(config.extraResources).toEqual([expect.objectContaining({ from: 'resources', to: 'resources' })]);
  });

  it('targets NSIS x64 on Windows, deb and AppImage on x64 and arm64 on Linux', () => {
    expect(config.win.target).toEqual([{ target: 'nsis', arch: ['x64'] }]);
    expect(config.linux.target).toEqual([
      { target: 'deb', arch: ['x64', 'arm64'] },
      { target: 'AppImage', arch: ['x64', 'arm64'] },
    ]);
  });
});

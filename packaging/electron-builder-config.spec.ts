/**
 * electron-builder.yml, checked without packing: app-builder-lib's own schema validation (what
 * `electron-builder` runs before it does anything), then what the schema cannot know — the targets,
 * associations, fuses and assets Wirewatch promises. `npm run pack:standin` (and e2e/security-pack)
 * packs for real against a stand-in Electron.
 */
import { getConfig, validateConfiguration } from 'app-builder-lib/out/util/config/config';
import type { Configuration } from 'app-builder-lib';
import { DebugLogger } from 'builder-util';
import { existsSync, readFileSync, readdirSync, statSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';

const root = resolve(import.meta.dirname, '..');

async function loadConfig(): Promise<Configuration> {
  return getConfig(root, join(root, 'electron-builder.yml'), null);
}

/** Width and height from a PNG's IHDR chunk (RFC 2083 §11.2.2: right after the 8-byte signature and chunk header). */
function pngSize(path: string): { width: number; height: number } {
  const bytes = readFileSync(path);
  expect(bytes.subarray(12, 16).toString('latin1'), `${path} is a PNG`).toBe('IHDR');
  return { width: bytes.readUInt32BE(16), height: bytes.readUInt32BE(20) };
}

function targetsOf(platform: { target?: unknown } | null | undefined): string[] {
  const target = platform?.target;
  const list = Array.isArray(target) ? (target as unknown[]) : [target];
  return list.map((item) =>
    typeof item === 'string'
      ? item
      : typeof item === 'object' && item !== null && 'target' in item
        ? String(item.target)
        : '',
  );
}

describe('electron-builder.yml', () => {
  let config: Configuration;
  beforeAll(async () => {
    config = await loadConfig();
  }, 60_000);

  // Compiling electron-builder's JSON schema takes a few seconds on a busy machine; this is no budget.
  it("should pass app-builder-lib's configuration validation", { timeout: 60_000 }, async () => {
    await expect(validateConfiguration(config, new DebugLogger(false))).resolves.toBeUndefined();
  });

  it('should be refused by the same validation when an option is misplaced', { timeout: 60_000 }, async () => {
    // Proves the check above has teeth: `title` belongs to dmg, not linux.
    const broken = { ...config, linux: { ...config.linux, title: 'Wirewatch' } } as Configuration;
    await expect(validateConfiguration(broken, new DebugLogger(false))).rejects.toThrow(/configuration\.linux/);
  });

  it('should build AppImage and deb on Linux, NSIS on Windows and a dmg on macOS', () => {
    expect(config.appId).toBe('org.wirewatch.app');
    expect(config.productName).toBe('Wirewatch');
    expect(targetsOf(config.linux)).toEqual(['AppImage', 'deb']);
    expect(targetsOf(config.win)).toEqual(['nsis']);
    expect(targetsOf(config.mac)).toEqual(['dmg']);
    expect(config.linux?.category).toBe('Network');
    expect(config.mac?.category).toMatch(/^public\.app-category\./);
  });

  it('should associate .pcap, .pcapng and .cap with the app as a viewer', () => {
    const associations = Array.isArray(config.fileAssociations) ? config.fileAssociations : [];
    expect(associations.map((association) => association.ext)).toEqual(['pcap', 'pcapng', 'cap']);
    for (const association of associations) {
      expect(association.role).toBe('Viewer');
      expect(association.mimeType).toMatch(/^application\//);
    }
  });

  it('should flip the fuses that close Electron’s side doors', () => {
    expect(config.electronFuses).toEqual({
      runAsNode: false,
      enableCookieEncryption: true,
      enableNodeOptionsEnvironmentVariable: false,
      enableNodeCliInspectArguments: false,
      enableEmbeddedAsarIntegrityValidation: true,
      onlyLoadAppFromAsar: true,
      loadBrowserProcessSpecificV8Snapshot: false,
      grantFileProtocolExtraPrivileges: false,
    });
  });

  it('should pack into an asar with native code unpacked and models as resources', () => {
    expect(config.asar).toBe(true);
    expect(config.asarUnpack).toEqual(expect.arrayContaining(['**/*.node', '**/*.so', '**/*.so.*']));
    expect(config.extraResources).toEqual(
      expect.arrayContaining([expect.objectContaining({ from: 'models', to: 'models' })]),
    );
    // cap is rebuilt for Electron's ABI when packing; onnxruntime-node keeps one platform's binaries.
    expect(config.npmRebuild).toBe(true);
    // getConfig normalises `files` into file sets; the patterns are their filters.
    const patterns = (Array.isArray(config.files) ? config.files : []).flatMap((entry) =>
      typeof entry === 'string' ? [entry] : [entry.filter ?? []].flat(),
    );
    expect(patterns).toEqual(
      expect.arrayContaining([
        '!**/node_modules/onnxruntime-node/bin/napi-v6/!(${platform}){,/**}',
        '!**/node_modules/onnxruntime-node/bin/napi-v6/*/!(${arch}){,/**}',
        '!dist/**/*.map',
      ]),
    );
  });

  it('should have icons in every size it names, square and as large as their names say', () => {
    const folder = join(root, String(config.linux?.icon));
    const names = readdirSync(folder).filter((name) => name.endsWith('.png'));
    const sizes = names.map((name) => Number(/^(\d+)x\1\.png$/.exec(name)?.[1])).sort((a, b) => a - b);
    expect(sizes).toEqual([16, 24, 32, 48, 64, 128, 256, 512, 1024]);
    for (const size of sizes)
      expect(pngSize(join(folder, `${size}x${size}.png`))).toEqual({ width: size, height: size });
    // The Windows .ico needs 256 and the macOS .icns 512 at least; both are made from build/icon.png.
    expect(pngSize(join(root, 'build', 'icon.png')).width).toBeGreaterThanOrEqual(512);
  });

  it('should install the deb with a postinst that grants the capture interpreter its capabilities', () => {
    const postinst = readFileSync(join(root, String(config.deb?.afterInstall)), 'utf8');
    expect(postinst).toContain(
      "'/opt/${sanitizedProductName}/resources/grant-capture.sh' '/opt/${sanitizedProductName}'",
    );
    expect(config.deb?.depends).toEqual(expect.arrayContaining(['libpcap0.8', 'libcap2-bin']));
    expect(config.linux?.extraResources).toEqual([
      { from: 'packaging/linux/grant-capture.sh', to: 'grant-capture.sh' },
    ]);
    const script = join(root, 'packaging', 'linux', 'grant-capture.sh');
    expect(statSync(script).mode & 0o111).not.toBe(0);
    expect(existsSync(join(root, String(config.deb?.afterRemove)))).toBe(true);
  });
});

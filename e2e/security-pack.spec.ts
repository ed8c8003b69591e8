/**
 * The installed app's contents, from a real electron-builder pack (`--linux dir`) of the built dist/
 * against a stand-in Electron (scripts/pack-standin.mjs): production dependencies only, native code
 * unpacked and for this platform only, models and the demo as resources, fuses flipped in the binary.
 * It runs here, after the build, because it packs dist/.
 */
import { spawnSync } from 'node:child_process';
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { expect, test } from '@playwright/test';

interface PackReport {
  readonly arch: string;
  readonly sizes: { readonly appAsar: number; readonly unpacked: number };
  readonly packages: readonly string[];
  readonly unpacked: readonly string[];
  readonly resources: readonly string[];
  readonly fuses: { readonly app: Record<string, string>; readonly captureInterpreter: Record<string, string> };
  readonly checks: readonly { readonly name: string; readonly ok: boolean; readonly detail?: string }[];
}

const root = resolve(import.meta.dirname, '..');

test.describe('packaging', () => {
  // Playwright reads a test's fixtures from its first parameter's pattern; this one needs none.
  // eslint-disable-next-line no-empty-pattern
  test('should pack production code only, with native code unpacked and fuses flipped', async ({}, testInfo) => {
    test.skip(testInfo.project.name !== 'chromium-host', 'packing does not depend on the window: it runs once');
    test.setTimeout(180_000);
    const out = await mkdtemp(join(tmpdir(), 'ww-p-pack-'));
    try {
      const result = spawnSync(
        process.execPath,
        [join(root, 'scripts', 'pack-standin.mjs'), '--report', join(out, 'report.json'), '--out', join(out, 'pack')],
        {
          cwd: root,
          encoding: 'utf8',
          maxBuffer: 64 * 1024 * 1024,
        },
      );
      expect(result.stderr).not.toContain('Error:');
      const report = JSON.parse(await readFile(join(out, 'report.json'), 'utf8')) as PackReport;
      const failed = report.checks.filter((check) => !check.ok);
      expect(failed, JSON.stringify(failed, null, 2)).toEqual([]);
      expect(result.status).toBe(0);

      expect(report.packages).toEqual(
        expect.arrayContaining([
          'node_modules/cap',
          'node_modules/onnxruntime-node',
          'node_modules/valibot',
          'node_modules/ws',
        ]),
      );
      for (const dev of ['electron', 'vite', 'svelte', 'vitest', 'dexie', 'typescript', 'esbuild', 'chart.js']) {
        expect(report.packages).not.toContain(`node_modules/${dev}`);
      }
      expect(report.unpacked).toEqual(
        expect.arrayContaining([
          'node_modules/cap/build/Release/cap.node',
          `node_modules/onnxruntime-node/bin/napi-v6/linux/${report.arch}/onnxruntime_binding.node`,
        ]),
      );
      expect(report.resources).toEqual(expect.arrayContaining(['demo/demo.pcap', 'grant-capture.sh']));
      expect(report.fuses.app.RunAsNode).toBe('off');
      expect(report.fuses.app.OnlyLoadAppFromAsar).toBe('on');
      expect(report.fuses.captureInterpreter.RunAsNode).toBe('on');
      // The asar is the app and its JavaScript dependencies; onnxruntime's one platform is most of the rest.
      expect(report.sizes.appAsar).toBeLessThan(40e6);
      expect(report.sizes.unpacked).toBeLessThan(80e6);
    } finally {
      await rm(out, { recursive: true, force: true });
    }
  });
});

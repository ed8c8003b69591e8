// Thresholds set in Settings: checked, stored, and used by analyses that real worker threads run on the demo capture.
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import type { Alert } from '../../preload/api/alerts';
import { AlertOutbox } from '../alerts/alert-outbox';
import { AlertPublisher } from '../alerts/alert-publisher';
import { AnalysisService } from '../analysis/analysis-service';
import { THRESHOLD_KEYS } from '../engine/detect/threshold-catalogue';
import { EventHub } from '../ipc/events';
import { settingsHandlers } from '../ipc/settings';
import { analysisWorkerBundle, removeAnalysisWorkerBundle } from '../testing/analysis-worker-bundle';
import { SettingsStore } from './settings-store';

const DEMO = resolve(import.meta.dirname, '..', '..', 'resources', 'demo', 'demo.pcap');

let dir: string;
beforeEach(async () => {
  dir = await mkdtemp(join(tmpdir(), 'wirewatch-thresholds-'));
});
afterEach(async () => {
  await rm(dir, { recursive: true, force: true });
});

describe('ThresholdSettings', () => {
  it('should list every threshold of the rule catalogue with its default, unit and reasoning', async () => {
    const catalogue = await new SettingsStore(dir).thresholds.catalogue();
    expect(catalogue.map((entry) => entry.key)).toEqual(THRESHOLD_KEYS);
    expect(catalogue.find((entry) => entry.key === 'port_scan.fastPorts')).toMatchObject({
      rule: 'port_scan',
      value: '20',
      defaultValue: '20',
      type: 'number',
      unit: 'ports',
      changed: false,
    });
    expect(catalogue.find((entry) => entry.key === 'slow_dos.ports')).toMatchObject({ type: 'list' });
    for (const entry of catalogue) expect(entry.reason, entry.key).not.toBe('');
  });

  it('should keep a valid value, persist it, and read it back in a new store', async () => {
    const store = new SettingsStore(dir);
    const after = await store.thresholds.set('port_scan.fastPorts', ' 45 ');
    expect(after.find((entry) => entry.key === 'port_scan.fastPorts')).toMatchObject({ value: '45', changed: true });
    await store.thresholds.set('slow_dos.ports', '80, 8080');
    await expect(new SettingsStore(dir).thresholds.assignments()).resolves.toEqual({
      'port_scan.fastPorts': '45',
      'slow_dos.ports': '80,8080',
    });
  });

  it('should refuse a wrong value with the reason and keep what was stored', async () => {
    const store = new SettingsStore(dir);
    await store.thresholds.set('port_scan.fastPorts', '45');
    await expect(store.thresholds.set('port_scan.fastPorts', 'many')).rejects.toMatchObject({
      code: 'invalid-threshold',
      message: expect.stringContaining('is not a number') as unknown,
    });
    await expect(store.thresholds.set('slow_dos.ports', '80,-1')).rejects.toMatchObject({ code: 'invalid-threshold' });
    await expect(store.thresholds.set('port_scan.noSuch', '1')).rejects.toMatchObject({ code: 'invalid-threshold' });
    await expect(new SettingsStore(dir).thresholds.assignments()).resolves.toEqual({ 'port_scan.fastPorts': '45' });
  });

  it('should put a value back to its default on reset, or when set to the default', async () => {
    const store = new SettingsStore(dir);
    await store.thresholds.set('port_scan.fastPorts', '45');
    await store.thresholds.set('syn_flood.halfOpenPerSecond', '300');
    const reset = await store.thresholds.reset('port_scan.fastPorts');
    expect(reset.find((entry) => entry.key === 'port_scan.fastPorts')).toMatchObject({ value: '20', changed: false });
    await store.thresholds.set('syn_flood.halfOpenPerSecond', '100');
    await expect(store.thresholds.assignments()).resolves.toEqual({});
    expect(JSON.parse(await readFile(join(dir, 'thresholds.json'), 'utf8'))).toEqual({});
  });

  it('should drop stored values that no longer parse and keep the rest', async () => {
    await writeFile(
      join(dir, 'thresholds.json'),
      JSON.stringify({ 'port_scan.fastPorts': '33', 'port_scan.renamedLater': '5', 'host_sweep.icmpTargets': 'x' }),
    );
    await expect(new SettingsStore(dir).thresholds.assignments()).resolves.toEqual({ 'port_scan.fastPorts': '33' });
  });

  it('should serve the catalogue, changes and resets through the settings handlers', async () => {
    const store = new SettingsStore(dir);
    const handlers = settingsHandlers(store, {
      version: 'test',
      shell: 'browser-host',
      platform: 'linux',
      node: process.version,
      electron: null,
      dataDir: dir,
    });
    const context = { sender: { kind: 'test' } } as unknown as Parameters<(typeof handlers)['settings:get']>[0];
    const set = await handlers['settings:setThreshold'](context, 'dns_tunnel.encodedQueries', '12');
    expect(set.find((entry) => entry.key === 'dns_tunnel.encodedQueries')?.value).toBe('12');
    const reset = await handlers['settings:resetThreshold'](context, 'dns_tunnel.encodedQueries');
    expect(reset.find((entry) => entry.key === 'dns_tunnel.encodedQueries')?.value).toBe('10');
    expect(await handlers['settings:thresholds'](context)).toHaveLength(THRESHOLD_KEYS.length);
  });
});

describe('analyses started from the app', () => {
  let workerPath: string;
  beforeAll(async () => {
    workerPath = await analysisWorkerBundle();
  }, 60_000);
  afterAll(async () => {
    await removeAnalysisWorkerBundle();
  });

  /** Analyses the demo capture in a real worker with the store's thresholds; resolves with its alerts. */
  async function demoAlerts(store: SettingsStore): Promise<Alert[]> {
    const events = new EventHub();
    const publisher = new AlertPublisher(events, new AlertOutbox());
    const service = new AnalysisService(events, workerPath, publisher, () => store.thresholds.assignments());
    const alerts = new Map<string, Alert>();
    publisher.onPublished((batch) => {
      for (const alert of batch) alerts.set(alert.id, alert);
    });
    let id = '';
    const done = new Promise<void>((resolveDone, reject) => {
      events.attach((channel, payload) => {
        const of = (payload as { id?: string }).id;
        if (channel === 'analysis:finished' && of === id) resolveDone();
        if (channel === 'analysis:failed' && of === id) reject(new Error(JSON.stringify(payload)));
      });
    });
    ({ id } = await service.start(DEMO));
    await done;
    return [...alerts.values()];
  }

  it("should use the thresholds set in Settings: the demo's port scan goes when its bars are raised", async () => {
    const store = new SettingsStore(dir);
    // By detector: thresholds are the rules'; a model may name the scan as well.
    const detectors = async (): Promise<string[]> => (await demoAlerts(store)).map((alert) => alert.detector);
    expect(await detectors()).toContain('rule:port_scan');
    await store.thresholds.set('port_scan.fastPorts', '2000');
    await store.thresholds.set('port_scan.slowPorts', '2000');
    const raised = await detectors();
    expect(raised).not.toContain('rule:port_scan');
    expect(raised).toContain('rule:dns_tunnel');
    await store.thresholds.reset('port_scan.fastPorts');
    expect(await detectors()).toContain('rule:port_scan');
  }, 60_000);
});

/**
 * Live capture for real: two network namespaces joined by a veth (e2e/support/netns.ts), the
 * capture helper started inside one of them through `ip netns exec`, and real attacks from the
 * other: an nmap SYN scan of 200 ports and an hping3 SYN flood of 5,000 packets. Needs root, nmap
 * and hping3; skipped with the reason where they are missing.
 */
import { realpathSync } from 'node:fs';
import { mkdtemp, readdir, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Alert } from '../../preload/api/alerts';
import type { CaptureGap, CaptureStatus, LearningOutcome } from '../../preload/api/capture';
import { createNetnsPair, netnsUnavailable, type NetnsPair } from '../../e2e/support/netns';
import { AlertOutbox } from '../alerts/alert-outbox';
import { AlertPublisher } from '../alerts/alert-publisher';
import { captureCommand } from '../cli/capture';
import { analyzeCaptureForTest } from './testing/analyze-for-test';
import { EvidenceService } from '../evidence/evidence-service';
import { EventHub } from '../ipc/events';
import { cliBaselineTrainer } from './baseline-trainer';
import { CaptureStartError } from './capture-problem';
import { CaptureService } from './capture-service';
import { checkHelperConfig } from './helper-config';
import type { HelperConfig } from './helper-protocol';
import { LiveCapture } from './live-capture';
import { buildCaptureBundle, removeCaptureBundle, type CaptureBundle } from './testing/capture-bundle';

const unavailable = netnsUnavailable(['nmap', 'hping3', 'setpriv']);

function configFor(device: string): HelperConfig {
  const config = checkHelperConfig({ interface: device });
  if (typeof config === 'string') throw new Error(config);
  return config;
}

/** Resolves once `check` holds, polling every 50 ms; rejects after `limitMs`. */
async function until(check: () => boolean, limitMs: number, what: string): Promise<void> {
  const started = Date.now();
  while (!check()) {
    if (Date.now() - started > limitMs) throw new Error(`timed out waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}

describe.skipIf(unavailable !== null)(
  `live capture between namespaces${unavailable === null ? '' : ` (${unavailable})`}`,
  () => {
    let net: NetnsPair;
    let bundle: CaptureBundle | undefined;
    let scratch: string;

    const scan = (): Promise<unknown> =>
      net.exec(net.b, ['nmap', '-n', '-Pn', '-sS', '-p', '1-200', '--max-retries', '0', '-T4', net.a.address]);
    const flood = (): Promise<unknown> =>
      net.exec(net.b, ['hping3', '-q', '-S', '-p', '80', '-i', 'u100', '-c', '5000', net.a.address]);

    beforeAll(async () => {
      [net, bundle, scratch] = await Promise.all([
        createNetnsPair('lc', 51),
        buildCaptureBundle(),
        mkdtemp(join(tmpdir(), 'ww-c-spec-')),
      ]);
    }, 60_000);

    afterAll(async () => {
      await net.remove();
      await removeCaptureBundle(bundle);
      await rm(scratch, { recursive: true, force: true });
    });

    it('should raise port_scan and syn_flood alerts for a real nmap scan and hping3 flood, keep their packets and save the session', async () => {
      if (bundle === undefined) throw new Error('no bundle');
      const alerts = new Map<string, Alert>();
      const capture = await LiveCapture.start({
        launch: { script: bundle.helper, launcher: ['ip', 'netns', 'exec', net.a.ns] },
        config: configFor(net.a.device),
        onAlerts: (changed) => {
          for (const alert of changed) alerts.set(alert.id, alert);
        },
        save: { fileName: (n) => join(scratch, `session-${n}.pcapng`), rotateBytes: 256 * 1024 },
      });
      const before = Date.now() / 1000;
      await scan();
      await flood();
      await until(
        () => [...alerts.values()].some((alert) => alert.kind === 'syn_flood'),
        10_000,
        'the syn_flood alert',
      );
      const after = Date.now() / 1000;
      const evidence = capture.evidence?.packetsOf({
        hosts: [net.b.address, net.a.address],
        from: before - 1,
        to: after,
        limit: 100_000,
      });
      const result = await capture.stop();

      const kinds = new Set([...alerts.values()].map((alert) => alert.kind));
      expect(kinds).toContain('port_scan');
      expect(kinds).toContain('syn_flood');
      const scanAlert = [...alerts.values()].find((alert) => alert.kind === 'port_scan');
      expect(scanAlert).toMatchObject({
        src: net.b.address,
        dst: net.a.address,
        source: { type: 'live', interface: net.a.device },
      });
      // 200 probes and their answers, 5,000 SYNs and their resets: each seen, or counted as dropped
      // (on a loaded machine the kernel's ring can overflow while the helper waits for a core).
      const { seen, kernelDropped, wirewatchDropped } = result.counters;
      if (kernelDropped === null) throw new Error('no kernel drop estimate on an unfiltered Linux capture');
      expect(seen + kernelDropped + wirewatchDropped).toBeGreaterThanOrEqual(10_400);
      expect(evidence?.frames.length).toBeGreaterThanOrEqual(10_400 - kernelDropped - wirewatchDropped);
      expect(evidence?.covers).toBe(true);
      // About 700 KB of frames at 256 KiB per file: several files, each a capture of its own.
      expect(result.files.length).toBeGreaterThan(1);
      expect((await readdir(scratch)).filter((name) => name.endsWith('.pcapng'))).toHaveLength(result.files.length);
      const reread = await analyzeCaptureForTest(result.files);
      expect(reread.packets).toBe(result.counters.seen);
    }, 90_000);

    it('should restart a killed capture helper, report the gap, and lose no stored alert', async () => {
      if (bundle === undefined) throw new Error('no bundle');
      process.env.WIREWATCH_CAPTURE_LAUNCHER = `ip netns exec ${net.a.ns}`;
      const events = new EventHub();
      const outbox = new AlertOutbox();
      const evidence = new EvidenceService(join(scratch, 'evidence'));
      const service = new CaptureService(events, new AlertPublisher(events, outbox), {
        worker: bundle.worker,
        helper: bundle.helper,
        baselineFolder: scratch,
        evidence,
      });
      const statuses: CaptureStatus[] = [];
      events.observe((channel, payload) => {
        if (channel === 'capture:status') statuses.push(payload as CaptureStatus);
      });
      try {
        const started = await service.start({
          interface: net.a.device,
          filter: 'tcp',
          snaplen: 262_144,
          promiscuous: true,
          bufferBytes: 32 * 1024 * 1024,
          save: null,
        });
        expect(started.state).toBe('running');
        await scan();
        await until(() => outbox.pending().some((alert) => alert.kind === 'port_scan'), 10_000, 'the port_scan alert');
        const first = service.helperPid;
        if (first === null) throw new Error('no helper pid');

        process.kill(first, 'SIGKILL');
        const resumed = (): CaptureGap | undefined => {
          const last = statuses.at(-1);
          return last?.state === 'running' ? last.gaps.find((gap) => gap.to !== null) : undefined;
        };
        await until(() => resumed() !== undefined, 15_000, 'the capture to resume');
        expect(resumed()?.reason).toMatch(/killed by SIGKILL/);
        expect(service.helperPid).not.toBe(first);

        await flood();
        await until(() => outbox.pending().some((alert) => alert.kind === 'syn_flood'), 10_000, 'the syn_flood alert');
        // View Alerts' "save packets" reads a live alert's evidence from the capture's packet ring.
        const floodAlert = outbox.pending().find((alert) => alert.kind === 'syn_flood');
        if (floodAlert === undefined) throw new Error('no syn_flood alert');
        const saved = await evidence.save(floodAlert, join(scratch, 'evidence'));
        expect(saved.packets).toBeGreaterThanOrEqual(500);
        const stopped = await service.stop();
        if (stopped.state !== 'stopped') throw new Error(`capture ended ${stopped.state}`);
        expect(stopped.counters.restarts).toBe(1);
        expect(stopped.gaps).toHaveLength(1);
        // The alert raised before the helper died is still held for the window, beside the new one.
        const kinds = outbox.pending().map((alert) => alert.kind);
        expect(kinds).toContain('port_scan');
        expect(kinds).toContain('syn_flood');
      } finally {
        delete process.env.WIREWATCH_CAPTURE_LAUNCHER;
        await service.stop();
      }
    }, 90_000);

    it('should learn this network: record a baseline from the running capture, then train a model on it', async () => {
      if (bundle === undefined) throw new Error('no bundle');
      process.env.WIREWATCH_CAPTURE_LAUNCHER = `ip netns exec ${net.a.ns}`;
      const dataDir = join(scratch, 'data');
      const events = new EventHub();
      const service = new CaptureService(events, new AlertPublisher(events, new AlertOutbox()), {
        worker: bundle.worker,
        helper: bundle.helper,
        baselineFolder: join(dataDir, 'baselines'),
        trainer: cliBaselineTrainer(bundle.cli, dataDir),
      });
      const outcomes: LearningOutcome[] = [];
      events.observe((channel, payload) => {
        if (channel === 'capture:learned') outcomes.push(payload as LearningOutcome);
      });
      try {
        await service.start({
          interface: net.a.device,
          filter: '',
          snaplen: 262_144,
          promiscuous: true,
          bufferBytes: 32 * 1024 * 1024,
          save: null,
        });
        const learning = await service.learn(5);
        expect(learning.file).toMatch(/baselines\/wirewatch-wwclca-baseline-.*\.pcapng$/);
        // Ordinary traffic to learn from: pings and a few connections to closed ports.
        await net.exec(net.b, ['ping', '-c', '10', '-i', '0.2', net.a.address]);
        await net.exec(net.b, ['nmap', '-n', '-Pn', '-sT', '-p', '22,80,443', net.a.address]);
        await until(() => outcomes.length > 0, 60_000, 'the baseline to be trained');
        expect(outcomes[0]).toMatchObject({ state: 'trained', file: learning.file });
        expect(await readdir(join(dataDir, 'models'))).not.toHaveLength(0);
      } finally {
        delete process.env.WIREWATCH_CAPTURE_LAUNCHER;
        await service.stop();
      }
    }, 90_000);

    it('should tell an unprivileged user the exact setcap line instead of a stack trace', async () => {
      if (bundle === undefined) throw new Error('no bundle');
      const start = LiveCapture.start({
        launch: {
          script: bundle.helper,
          launcher: ['ip', 'netns', 'exec', net.a.ns, 'setpriv', '--reuid=nobody', '--regid=nogroup', '--clear-groups'],
        },
        config: configFor(net.a.device),
      });
      const error = await start.then(
        () => undefined,
        (reason: unknown) => reason,
      );
      expect(error).toBeInstanceOf(CaptureStartError);
      const { problem } = error as CaptureStartError;
      expect(problem.code).toBe('permission');
      expect(problem.message).toContain(net.a.device);
      expect(problem.fix).toContain(`sudo setcap cap_net_raw,cap_net_admin=eip ${realpathSync(process.execPath)}`);
    }, 30_000);

    it("should show libpcap's compile error for a bad capture filter before capturing", async () => {
      if (bundle === undefined) throw new Error('no bundle');
      const error = await LiveCapture.start({
        launch: { script: bundle.helper, launcher: ['ip', 'netns', 'exec', net.a.ns] },
        config: { ...configFor(net.a.device), filter: 'tcp port' },
      }).then(
        () => undefined,
        (reason: unknown) => reason,
      );
      expect(error).toBeInstanceOf(CaptureStartError);
      expect((error as CaptureStartError).problem).toMatchObject({ code: 'bad-filter' });
      expect((error as CaptureStartError).problem.message).toContain('syntax error');
    }, 30_000);

    it('should print capture --duration --json alerts in the same schema as analyze --json', async () => {
      if (bundle === undefined) throw new Error('no bundle');
      process.env.WIREWATCH_CAPTURE_LAUNCHER = `ip netns exec ${net.a.ns}`;
      const lines: string[] = [];
      const written = join(scratch, 'cli.pcapng');
      try {
        const command = captureCommand(['--interface', net.a.device, '--duration', '4', '--json', '--write', written], {
          out: (line) => lines.push(line),
          err: process.stderr,
          helper: bundle.helper,
        });
        // The command gives no sign when it is capturing; scan a few times (bounded) while it runs.
        const state = { done: false };
        const exit = command.finally(() => (state.done = true));
        for (let round = 0; round < 6 && !state.done; round++) {
          await new Promise((resolve) => setTimeout(resolve, 500));
          await scan();
        }
        expect(await exit).toBe(0);
      } finally {
        delete process.env.WIREWATCH_CAPTURE_LAUNCHER;
      }
      const alerts = lines.map((line) => JSON.parse(line) as Alert);
      expect(alerts.map((alert) => alert.kind)).toContain('port_scan');
      const analysed = await analyzeCaptureForTest([written]);
      const fileAlert = analysed.alerts.find((alert) => alert.kind === 'port_scan');
      const liveAlert = alerts.find((alert) => alert.kind === 'port_scan');
      expect(Object.keys(liveAlert ?? {}).sort()).toEqual(Object.keys(fileAlert ?? {}).sort());
      expect(liveAlert).toMatchObject({
        src: fileAlert?.src,
        dst: fileAlert?.dst,
        source: { type: 'live', interface: net.a.device },
      });
    }, 60_000);
  },
);

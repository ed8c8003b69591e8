// A live capture session's end produces a session report, through the app's own wiring: the live
// pipeline's alerts go out through the AlertPublisher, its summary arrives with the `stopped`
// capture status, and the report is saved and mailed to a real SMTP server (smtp-server) on 127.0.0.1.
import { mkdtemp, readdir, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { CaptureCounters, CaptureStatus } from '../../preload/api/capture';
import { AlertOutbox } from '../alerts/alert-outbox';
import { AlertPublisher } from '../alerts/alert-publisher';
import { LivePipeline } from '../capture/live-pipeline';
import { batchOf } from '../capture/testing/frame-batches';
import { tcpFrame } from '../capture/testing/tcp-frames';
import { ContactDirectory } from '../contacts/contact-directory';
import { EventHub } from '../ipc/events';
import { SettingsStore } from '../settings/settings-store';
import type { NotifyService } from './notify-service';
import { createNotifyService } from './notify-wiring';
import { sampleContact } from './testing/sample-contact';
import { startSmtpServer, type SmtpTestServer } from './testing/smtp-test-server';

const T0 = 1_700_000_000;
const COUNTERS: CaptureCounters = {
  seen: 100,
  bytes: 5400,
  kernelDropped: 3,
  interfaceDropped: 0,
  wirewatchDropped: 0,
  restarts: 0,
};

/** A SYN to each of 50 ports from 10.77.50.2, each answered by RST-ACK as a closed port does. */
function scan(): ReturnType<typeof batchOf> {
  const frames = [];
  for (let port = 1; port <= 50; port++) {
    const time = T0 + port * 0.01;
    frames.push({
      time,
      bytes: tcpFrame({ src: '10.77.50.2', dst: '10.77.50.1', srcPort: 40000, dstPort: port, flags: 0x02 }),
    });
    frames.push({
      time: time + 0.001,
      bytes: tcpFrame({ src: '10.77.50.1', dst: '10.77.50.2', srcPort: port, dstPort: 40000, flags: 0x14 }),
    });
  }
  return batchOf(frames);
}

let dir: string;
let server: SmtpTestServer;
let events: EventHub;
let publisher: AlertPublisher;
let service: NotifyService;

beforeEach(async () => {
  dir = await mkdtemp(join(tmpdir(), 'wirewatch-live-report-'));
  server = await startSmtpServer({ mode: 'plain' });
  events = new EventHub();
  publisher = new AlertPublisher(events, new AlertOutbox());
  const contacts = new ContactDirectory(dir);
  await contacts.replace([
    // Asks for session reports; no single alert reaches the critical bar, so the report is the only mail.
    sampleContact({
      id: 'r',
      name: 'Reports',
      email: 'report@example.org',
      sessionReport: true,
      minSeverity: 'critical',
    }),
  ]);
  service = createNotifyService({
    dataDir: dir,
    events,
    alerts: publisher,
    contacts,
    settings: new SettingsStore(dir),
    desktop: { show: () => Promise.resolve('in-app') },
  });
  await service.update({
    smtp: { host: '127.0.0.1', port: server.port, tls: 'none', user: '', from: 'alerts@wirewatch.test' },
  });
});
afterEach(async () => {
  service.stop();
  await server.close();
  await rm(dir, { recursive: true, force: true });
});

describe('session report of a live capture', () => {
  it('should save and mail a report of the session when the capture stops', { timeout: 30_000 }, async () => {
    const pipeline = new LivePipeline({
      detection: { origin: { type: 'live', interface: 'wwlab0' }, onAlerts: (alerts) => publisher.publish(alerts) },
    });
    pipeline.addBatch(scan());
    await pipeline.finish();
    const summary = pipeline.summary({ interface: 'wwlab0', counters: COUNTERS, gaps: [], files: ['/tmp/s.pcapng'] });
    expect(summary).toMatchObject({
      packets: 100,
      wireBytes: 5400,
      alerts: { total: 1 },
      live: { interface: 'wwlab0' },
    });
    expect(summary.topTalkers.map((talker) => talker.address).sort()).toEqual(['10.77.50.1', '10.77.50.2']);

    const stopped: CaptureStatus = {
      state: 'stopped',
      settings: {
        interface: 'wwlab0',
        filter: '',
        snaplen: 262_144,
        promiscuous: true,
        bufferBytes: 32 * 1024 * 1024,
        save: null,
      },
      counters: COUNTERS,
      gaps: [],
      files: [],
      summary,
    };
    events.emit('capture:status', stopped);
    const [mail] = await server.waitFor(1);

    expect(mail?.to).toEqual(['report@example.org']);
    expect(mail?.subject).toBe('[Wirewatch] Session report live capture on wwlab0: 1 alert');
    expect(mail?.text).toContain('Interface: wwlab0');
    expect(mail?.text).toContain('Dropped packets: kernel 3, interface 0, Wirewatch 0');
    expect(mail?.text).toContain('Saved: /tmp/s.pcapng');
    expect(mail?.text).toContain('Packets: 100');
    expect(mail?.text).toContain('port_scan: 1');
    expect(mail?.text).toContain('10.77.50.2: 1 alerts');
    // Both hosts are in all 50 flows; a flow counts IP bytes (40 a frame here), as file analyses do.
    expect(mail?.text).toMatch(
      /Top talkers \(packets, bytes\)\r?\n {2}10\.77\.50\.1: 100, 4000\r?\n {2}10\.77\.50\.2: 100, 4000/,
    );
    const saved = (await readdir(join(dir, 'reports'))).filter((name) => name.startsWith('live-'));
    expect(saved).toHaveLength(1);
    const html = await readFile(join(dir, 'reports', saved[0] ?? ''), 'utf8');
    expect(html).toContain('<h1>Wirewatch session report: live capture on wwlab0</h1>');
  });
});

import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { AnalysisSummary } from '../../preload/api/analysis';
import type { Contact } from '../../preload/api/contacts';
import type { DesktopNotice } from '../../preload/api/notify';
import { AlertOutbox } from '../alerts/alert-outbox';
import { AlertPublisher } from '../alerts/alert-publisher';
import { ContactDirectory } from '../contacts/contact-directory';
import { EventHub } from '../ipc/events';
import { installKeyCipher } from '../secrets/install-key-cipher';
import { SecretStore } from '../secrets/secret-store';
import { channelSender } from './channels';
import { ManualClock } from './manual-clock';
import { NotifySettings } from './notify-settings';
import { NotifyService } from './notify-service';
import { sampleAlert } from './testing/sample-alert';
import { sampleContact } from './testing/sample-contact';
import { startSmtpServer, type SmtpTestServer } from './testing/smtp-test-server';

let dir: string;
let server: SmtpTestServer;
let clock: ManualClock;
let publisher: AlertPublisher;
let contacts: ContactDirectory;
let notices: DesktopNotice[];
let service: NotifyService;

beforeEach(async () => {
  dir = await mkdtemp(join(tmpdir(), 'wirewatch-notify-'));
  server = await startSmtpServer({ mode: 'plain' });
  // Noon UTC on a Thursday.
  clock = new ManualClock(Date.parse('2026-01-15T12:00:00Z'));
  publisher = new AlertPublisher(new EventHub(), new AlertOutbox());
  contacts = new ContactDirectory(dir);
  notices = [];
  const settings = new NotifySettings(dir, new SecretStore(dir, installKeyCipher(join(dir, 'install.key'))));
  await settings.update({
    smtp: { host: '127.0.0.1', port: server.port, tls: 'none', user: '', from: 'alerts@wirewatch.test' },
    policy: { digestMinutes: 15, desktopMinSeverity: 'medium' },
  });
  service = new NotifyService({
    dataDir: dir,
    contacts,
    settings,
    desktop: {
      show: (notice) => {
        notices.push(notice);
        return Promise.resolve('in-app');
      },
    },
    desktopEnabled: () => Promise.resolve(true),
    send: channelSender(settings),
    clock,
  });
  await service.start(publisher);
});
afterEach(async () => {
  service.stop();
  await server.close();
  await rm(dir, { recursive: true, force: true });
});

/** Lets routing run, then fires whatever the queue scheduled for now. */
async function deliver(): Promise<void> {
  await service.idle();
  clock.advance(0);
  await service.idle();
}

async function useContacts(list: Contact[]): Promise<void> {
  await contacts.replace(list);
}

describe('NotifyService', () => {
  it('should mail the right contact once per new incident, not per repeat, and not the wrong contact', async () => {
    await useContacts([
      sampleContact({ id: 'ops', email: 'ops@example.org', minSeverity: 'medium' }),
      sampleContact({ id: 'cio', email: 'cio@example.org', minSeverity: 'critical' }),
      sampleContact({ id: 'dns', email: 'dns@example.org', kinds: ['dns_tunnel'] }),
    ]);
    publisher.publish([sampleAlert({ id: 'scan-1' })]);
    // The incident grows: published again with the same id.
    publisher.publish([sampleAlert({ id: 'scan-1', summary: '10.77.0.66 probed 40 ports on 10.77.0.10 within 60 s' })]);
    await deliver();

    expect(server.received.map((mail) => mail.to)).toEqual([['ops@example.org']]);
    expect(notices).toEqual([
      {
        title: 'HIGH port_scan',
        body: '10.77.0.66 probed 20 ports on 10.77.0.10 within 60 s (syn scan, 20 probes)',
        alertId: 'scan-1',
      },
    ]);
    expect(await service.deliveries('scan-1')).toMatchObject([
      { state: 'sent', contactName: 'Ops', target: 'ops@example.org' },
    ]);
  });

  it('should notify again when a known incident escalates past what was sent', async () => {
    await useContacts([sampleContact({ minSeverity: 'high' })]);
    publisher.publish([sampleAlert({ id: 'grow', severity: 'low', summary: 'a few probes' })]);
    await deliver();
    expect(server.received).toHaveLength(0);
    publisher.publish([sampleAlert({ id: 'grow', severity: 'high', summary: 'many probes' })]);
    publisher.publish([sampleAlert({ id: 'grow', severity: 'medium', summary: 'still many probes' })]);
    await deliver();
    expect(server.received.map((mail) => mail.subject)).toEqual([
      '[Wirewatch] HIGH port_scan: 10.77.0.66 -> 10.77.0.10',
    ]);
    expect(server.received[0]?.text).toContain('many probes');
  });

  it('should batch lower severities into one digest per interval', async () => {
    await useContacts([sampleContact({ digestBelow: 'high' })]);
    publisher.publish([
      sampleAlert({ id: 'l1', severity: 'low', kind: 'first_seen', summary: 'new host 10.77.0.99' }),
      sampleAlert({ id: 'm1', severity: 'medium', kind: 'traffic_spike', summary: 'traffic 5x baseline' }),
    ]);
    publisher.publish([
      sampleAlert({ id: 'm2', severity: 'medium', kind: 'udp_flood', summary: 'udp to 10.77.0.10:53' }),
    ]);
    publisher.publish([sampleAlert({ id: 'h1', severity: 'high' })]);
    await deliver();
    expect(server.received.map((mail) => mail.subject)).toEqual([
      '[Wirewatch] HIGH port_scan: 10.77.0.66 -> 10.77.0.10',
    ]);

    clock.advance(15 * 60_000);
    await deliver();
    expect(server.received).toHaveLength(2);
    const digest = server.received[1];
    expect(digest?.subject).toBe('[Wirewatch] Digest: 3 alerts');
    expect(digest?.text).toContain('low first_seen 10.77.0.66 -> 10.77.0.10: new host 10.77.0.99 (id l1)');
    expect(digest?.text).toContain('medium traffic_spike');
    expect(digest?.text).toContain('medium udp_flood');
    expect(await service.deliveries('m2')).toMatchObject([{ kind: 'digest', state: 'sent' }]);

    // Nothing waits now: the next interval sends nothing.
    clock.advance(15 * 60_000);
    await deliver();
    expect(server.received).toHaveLength(2);
  });

  it('should hold alerts during quiet hours in the contact zone and send them as a digest afterwards, critical at once', async () => {
    // 12:00 UTC is 21:00 in Tokyo: quiet hours there from 20:00 to 21:30.
    await useContacts([sampleContact({ quietHours: { from: '20:00', to: '21:30', timeZone: 'Asia/Tokyo' } })]);
    publisher.publish([sampleAlert({ id: 'q1', severity: 'high' })]);
    publisher.publish([
      sampleAlert({ id: 'q2', severity: 'critical', kind: 'syn_flood', summary: 'syn flood on 10.77.0.10:80' }),
    ]);
    await deliver();
    expect(server.received.map((mail) => mail.subject)).toEqual([
      '[Wirewatch] CRITICAL syn_flood: 10.77.0.66 -> 10.77.0.10',
    ]);

    // 12:15 UTC (21:15 Tokyo) is still quiet: the digest waits.
    clock.advance(15 * 60_000);
    await deliver();
    expect(server.received).toHaveLength(1);
    // 12:30 UTC (21:30 Tokyo): quiet hours are over.
    clock.advance(15 * 60_000);
    await deliver();
    expect(server.received.map((mail) => mail.subject)).toEqual([
      '[Wirewatch] CRITICAL syn_flood: 10.77.0.66 -> 10.77.0.10',
      '[Wirewatch] Digest: 1 alert',
    ]);
    expect(server.received[1]?.text).toContain('(id q1)');
  });

  it('should limit immediate messages per contact per hour and carry the rest in the digest', async () => {
    await useContacts([sampleContact({ maxPerHour: 2 })]);
    publisher.publish(['r1', 'r2', 'r3', 'r4'].map((id) => sampleAlert({ id })));
    await deliver();
    expect(server.received).toHaveLength(2);
    clock.advance(15 * 60_000);
    await deliver();
    expect(server.received.map((mail) => mail.subject)).toHaveLength(3);
    expect(server.received[2]?.subject).toBe('[Wirewatch] Digest: 2 alerts');
    expect(server.received[2]?.text).toContain('(id r3)');
    expect(server.received[2]?.text).toContain('(id r4)');
  });

  it('should keep alerts for the digest while paused, and show no desktop notices', async () => {
    await useContacts([sampleContact()]);
    await service.pause(60);
    publisher.publish([sampleAlert({ id: 'p1' })]);
    await deliver();
    expect(server.received).toHaveLength(0);
    expect(notices).toHaveLength(0);
    clock.advance(60 * 60_000);
    await deliver();
    expect(server.received.map((mail) => mail.subject)).toEqual(['[Wirewatch] Digest: 1 alert']);
  });

  it('should save a session report as HTML and mail it to contacts who asked for one', async () => {
    await useContacts([
      sampleContact({ id: 'r', email: 'report@example.org', sessionReport: true, minSeverity: 'critical' }),
      sampleContact({ id: 'n', email: 'noreport@example.org', minSeverity: 'critical' }),
    ]);
    publisher.publish([
      sampleAlert({ id: 's1' }),
      sampleAlert({ id: 's2', kind: 'brute_force', summary: '10 ssh sessions', src: '10.77.0.66' }),
    ]);
    const path = await service.analysisFinished('analysis-1', summaryOf('/captures/lab.pcap'));
    await deliver();

    expect(path).toBe(join(dir, 'reports', 'analysis-1.html'));
    const html = await readFile(join(dir, 'reports', 'analysis-1.html'), 'utf8');
    expect(html).toContain('<h1>Wirewatch session report: lab.pcap</h1>');
    expect(html).toContain('<td>tcp</td><td>900</td><td>90000</td>');
    expect(html).toContain('<dt>brute_force</dt><dd>Lock or rate-limit the attacked login');
    expect(server.received.map((mail) => mail.to)).toEqual([['report@example.org']]);
    const mail = server.received[0];
    expect(mail?.subject).toBe('[Wirewatch] Session report lab.pcap: 2 alerts');
    expect(mail?.text).toContain('Capture time: 47.0 s');
    expect(mail?.text).toContain('Packets: 1,000');
    expect(mail?.text).toContain('10.77.0.66: 2 alerts');
    expect(mail?.text).toContain('high: 2');
  });
});

function summaryOf(path: string): AnalysisSummary {
  return {
    file: { path, name: 'lab.pcap', bytes: 100_000, format: 'pcap', byteOrder: 'little' },
    packets: 1000,
    wireBytes: 100_000,
    capturedBytes: 100_000,
    firstSeen: 1_767_268_800,
    lastSeen: 1_767_268_847,
    protocols: [
      { protocol: 'tcp', packets: 900, bytes: 90_000 },
      { protocol: 'udp', packets: 100, bytes: 10_000 },
    ],
    linkTypes: [],
    timeline: { start: null, bucketSeconds: 1, packets: [], bytes: [] },
    topTalkers: [],
    topConversations: [],
    flows: { total: 40, evicted: 0 },
    decodeFailures: [],
    alerts: { total: 2, byKind: [] },
    problem: null,
    cancelled: false,
    elapsedMs: 1200,
    packetsPerSecond: 833,
  };
}

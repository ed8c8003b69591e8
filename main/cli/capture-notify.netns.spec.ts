/**
 * `wirewatch capture --notify CONFIG.json` for real: the capture helper inside a network namespace
 * (e2e/support/netns.ts), an nmap scan from the other side, and a real SMTP server (smtp-server) on
 * 127.0.0.1 that must receive the scan's alert while the capture runs and the session report when
 * it ends, with one delivery line each on stderr, as `analyze --notify` prints them. Needs root and
 * nmap; skipped with the reason where they are missing.
 */
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createNetnsPair, netnsUnavailable, type NetnsPair } from '../../e2e/support/netns';
import { buildCaptureBundle, removeCaptureBundle, type CaptureBundle } from '../capture/testing/capture-bundle';
import { startSmtpServer, type SmtpTestServer } from '../notify/testing/smtp-test-server';
import { captureCommand } from './capture';

const unavailable = netnsUnavailable(['nmap']);

describe.skipIf(unavailable !== null)(
  `wirewatch capture --notify between namespaces${unavailable === null ? '' : ` (${unavailable})`}`,
  () => {
    let net: NetnsPair;
    let bundle: CaptureBundle | undefined;
    let scratch: string;
    let smtp: SmtpTestServer;

    beforeAll(async () => {
      [net, bundle, scratch, smtp] = await Promise.all([
        createNetnsPair('cn', 54),
        buildCaptureBundle(),
        mkdtemp(join(tmpdir(), 'ww-cn-spec-')),
        startSmtpServer({ mode: 'plain' }),
      ]);
    }, 60_000);

    afterAll(async () => {
      await net.remove();
      await smtp.close();
      await removeCaptureBundle(bundle);
      await rm(scratch, { recursive: true, force: true });
    });

    it('should mail the scan alert as it is raised and the session report when the capture ends', async () => {
      if (bundle === undefined) throw new Error('no bundle');
      const config = join(scratch, 'notify.json');
      await writeFile(
        config,
        JSON.stringify({
          smtp: { host: '127.0.0.1', port: smtp.port, secure: 'none', from: 'sensor@wirewatch.test' },
          contacts: [
            {
              name: 'Watcher',
              email: 'watch@example.org',
              channels: ['email'],
              kinds: ['port_scan'],
              sessionReport: true,
            },
          ],
        }),
      );
      const out: string[] = [];
      let err = '';
      const stderr = Object.assign(Object.create(process.stderr) as NodeJS.WritableStream, {
        isTTY: false,
        write: (chunk: string | Uint8Array): boolean => {
          err += String(chunk);
          return true;
        },
      });
      process.env.WIREWATCH_CAPTURE_LAUNCHER = `ip netns exec ${net.a.ns}`;
      try {
        const command = captureCommand(
          ['--interface', net.a.device, '--duration', '4', '--no-models', '--notify', config],
          { out: (line) => out.push(line), err: stderr, helper: bundle.helper },
        );
        // The command gives no sign when it is capturing; scan a few times (bounded) while it runs.
        const state = { done: false };
        const exit = command.finally(() => (state.done = true));
        for (let round = 0; round < 6 && !state.done; round++) {
          await new Promise((resolve) => setTimeout(resolve, 500));
          await net.exec(net.b, [
            'nmap',
            '-n',
            '-Pn',
            '-sS',
            '-p',
            '1-200',
            '--max-retries',
            '0',
            '-T4',
            net.a.address,
          ]);
        }
        expect(await exit).toBe(0);
      } finally {
        delete process.env.WIREWATCH_CAPTURE_LAUNCHER;
      }

      const alerts = out.filter((line) => line.startsWith('ALERT '));
      expect(alerts.some((line) => line.includes('port_scan'))).toBe(true);
      const mails = await smtp.waitFor(2);
      const subjects = mails.map((mail) => mail.subject);
      const scan = `port_scan: ${net.b.address} -> ${net.a.address}`;
      expect(subjects.some((subject) => /^\[Wirewatch\] [A-Z]+ /.test(subject) && subject.endsWith(scan))).toBe(true);
      const report = mails.find((mail) => mail.subject.startsWith('[Wirewatch] Session report'));
      expect(report?.subject).toMatch(
        new RegExp(`^\\[Wirewatch\\] Session report live capture on ${net.a.device}: \\d+ alerts?$`),
      );
      expect(report?.to).toEqual(['watch@example.org']);
      expect(report?.text).toContain(`Interface: ${net.a.device}`);
      expect(report?.text).toContain('port_scan');
      expect(report?.text).toContain(`${net.b.address}:`);
      // One delivery line per mail on stderr, as analyze --notify prints them.
      expect(err).toMatch(/wirewatch capture: notified: alert to Watcher by email \(watch@example\.org\)/);
      expect(err).toMatch(/wirewatch capture: notified: session-report to Watcher by email \(watch@example\.org\)/);
    }, 60_000);
  },
);

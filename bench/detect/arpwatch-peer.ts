/**
 * arpwatch (Debian's `arpwatch`, LBL) as the peer for arp_spoof: it reads a capture (`-r`) and reports, per
 * IP address, "changed ethernet address", "flip flop" and "reused old ethernet address" — the IP→MAC changes
 * Wirewatch's arp_spoof rule also watches. Its "new station" notes are inventory, not alerts, and are not counted.
 * Every capture starts from an empty station database, as Wirewatch starts each analysis without a baseline.
 */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import type { Alert } from '../../preload/api/alerts';

export const ARPWATCH = '/usr/sbin/arpwatch';
const ALERT_SUBJECTS = /^Subject: (changed ethernet address|flip flop|reused old ethernet address) \(([\d.]+)\)/;
const TIMESTAMP = /^\s+timestamp: \w+, (.+)$/;

export interface PeerRun {
  readonly alerts: Alert[];
  readonly seconds: number;
}

/** True when arpwatch is installed (apt-get install arpwatch). */
export function hasArpwatch(): boolean {
  return spawnSync(ARPWATCH, ['-h'], { stdio: 'ignore' }).error === undefined;
}

/** arpwatch's reports on one capture, as alerts of kind arp_spoof (src unknown, dst the IP whose MAC changed). */
export function arpwatchAlerts(capture: string): PeerRun {
  const dir = mkdtempSync(join(tmpdir(), 'ww-arpwatch-'));
  try {
    const database = join(dir, 'arp.dat');
    writeFileSync(database, '');
    const started = process.hrtime.bigint();
    // -d: reports go to stderr instead of mail; -N: no bogon reports for addresses outside the local net.
    const run = spawnSync(ARPWATCH, ['-d', '-N', '-r', resolve(capture), '-f', database], {
      encoding: 'utf8',
      timeout: 120_000,
      maxBuffer: 64 * 1024 * 1024,
    });
    const seconds = Number(process.hrtime.bigint() - started) / 1e9;
    if (run.error !== undefined) throw run.error;
    return { alerts: parseReports(`${run.stdout}\n${run.stderr}`, capture), seconds };
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

/** arpwatch's mail-style reports → alerts; each report's first `timestamp:` line is when it saw the change. */
export function parseReports(text: string, capture: string): Alert[] {
  const alerts: Alert[] = [];
  let open: { subject: string; ip: string } | undefined;
  for (const line of text.split('\n')) {
    const subject = ALERT_SUBJECTS.exec(line);
    if (subject?.[1] !== undefined && subject[2] !== undefined) {
      open = { subject: subject[1], ip: subject[2] };
      continue;
    }
    if (line.startsWith('Subject:')) open = undefined;
    const stamp = TIMESTAMP.exec(line);
    if (open === undefined || stamp?.[1] === undefined) continue;
    const seconds = Date.parse(stamp[1]) / 1000;
    if (!Number.isFinite(seconds)) continue;
    alerts.push({
      id: `arpwatch-${alerts.length}`,
      kind: 'arp_spoof',
      severity: 'medium',
      src: null,
      dst: open.ip,
      // arpwatch stamps whole seconds: the report covers that second.
      first_seen: seconds,
      last_seen: seconds + 1,
      score: 1,
      detector: 'peer:arpwatch',
      summary: `${open.subject} (${open.ip})`,
      evidence: {},
      source: { type: 'file', path: capture },
    });
    open = undefined;
  }
  return alerts;
}

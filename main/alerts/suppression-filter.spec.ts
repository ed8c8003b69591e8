// Suppressions as main applies them: a real SuppressionList on disk, plugged into a real
// AlertPublisher through addFilter, as createAppContext wires it.
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Alert, Suppression } from '../../preload/api/alerts';
import { EventHub } from '../ipc/events';
import { AlertOutbox } from './alert-outbox';
import { AlertPublisher } from './alert-publisher';
import { suppressionFilter } from './suppression-filter';
import { SuppressionList } from './suppression-list';

const alert = (id: string, kind: Alert['kind'], src: string): Alert => ({
  id,
  kind,
  severity: 'low',
  src,
  dst: '10.77.0.10',
  first_seen: 1_700_000_000,
  last_seen: 1_700_000_030,
  score: 0.6,
  detector: `rule:${kind}`,
  summary: `${src} did ${kind}`,
  evidence: { port: 22 },
  source: { type: 'file', path: '/captures/x.pcap' },
});

const scansFromLab: Suppression = {
  id: 'lab-scanner',
  kind: 'port_scan',
  src: '10.77.0.0/24',
  dst: null,
  port: null,
  detector: null,
  note: 'our vulnerability scanner',
  created_at: 1,
  enabled: true,
};

let dir: string;
beforeEach(async () => {
  dir = await mkdtemp(join(tmpdir(), 'wirewatch-suppress-'));
});
afterEach(async () => {
  await rm(dir, { recursive: true, force: true });
});

function publisherWith(list: SuppressionList): { publisher: AlertPublisher; outbox: AlertOutbox } {
  const outbox = new AlertOutbox();
  const publisher = new AlertPublisher(new EventHub(), outbox);
  publisher.addFilter(suppressionFilter(() => list.current()));
  return { publisher, outbox };
}

describe('suppression filter', () => {
  it('should drop future alerts a suppression covers and let the rest through', async () => {
    const list = new SuppressionList(dir);
    await list.put(scansFromLab);
    const { publisher, outbox } = publisherWith(list);
    publisher.publish([
      alert('a', 'port_scan', '10.77.0.66'),
      alert('b', 'port_scan', '10.78.0.66'),
      alert('c', 'brute_force', '10.77.0.66'),
    ]);
    expect(outbox.pending().map((one) => one.id)).toEqual(['b', 'c']);
  });

  it('should apply an edit to the next batch and let alerts through again once removed', async () => {
    const list = new SuppressionList(dir);
    const { publisher, outbox } = publisherWith(list);
    await list.put(scansFromLab);
    publisher.publish([alert('a', 'port_scan', '10.77.0.66')]);
    await list.put({ ...scansFromLab, enabled: false });
    publisher.publish([alert('b', 'port_scan', '10.77.0.66')]);
    await list.put(scansFromLab);
    await list.remove(scansFromLab.id);
    publisher.publish([alert('c', 'port_scan', '10.77.0.66')]);
    expect(outbox.pending().map((one) => one.id)).toEqual(['b', 'c']);
  });

  it('should keep suppressions in the data folder across restarts and tell listeners of changes', async () => {
    const first = new SuppressionList(dir);
    const heard: number[] = [];
    first.onChange((next) => heard.push(next.length));
    await first.put(scansFromLab);
    expect(heard).toEqual([1]);
    expect(JSON.parse(await readFile(join(dir, 'suppressions.json'), 'utf8'))).toEqual([scansFromLab]);

    const second = new SuppressionList(dir);
    const { publisher, outbox } = publisherWith(second);
    await second.load();
    publisher.publish([alert('a', 'port_scan', '10.77.0.5')]);
    expect(outbox.size).toBe(0);
    await expect(second.list()).resolves.toEqual([scansFromLab]);
  });
});

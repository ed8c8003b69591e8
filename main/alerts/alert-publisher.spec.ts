import { describe, expect, it } from 'vitest';
import type { Alert } from '../../preload/api/alerts';
import { EventHub } from '../ipc/events';
import { AlertOutbox } from './alert-outbox';
import { AlertPublisher } from './alert-publisher';

const alert = (id: string, src: string): Alert => ({
  id,
  kind: 'port_scan',
  severity: 'low',
  src,
  dst: '10.77.0.10',
  first_seen: 1_700_000_000,
  last_seen: 1_700_000_030,
  score: 0.6,
  detector: 'rule:port_scan',
  summary: `${src} probed 20 ports on 10.77.0.10 within 60 s`,
  evidence: { ports: 20 },
  source: { type: 'file', path: '/captures/x.pcap' },
});

describe('alert publisher', () => {
  it('should hold, push and hand on what passes the filters, and nothing else', () => {
    const events = new EventHub();
    const outbox = new AlertOutbox();
    const publisher = new AlertPublisher(events, outbox);
    const pushed: unknown[] = [];
    events.attach((channel, payload) => {
      if (channel === 'alerts:new') pushed.push(payload);
    });
    const heard: string[][] = [];
    const stop = publisher.onPublished((alerts) => heard.push(alerts.map((one) => one.id)));
    publisher.addFilter((alerts) => alerts.filter((one) => one.src !== '10.77.0.99'));

    publisher.publish([alert('a', '10.77.0.66'), alert('b', '10.77.0.99')]);
    publisher.publish([alert('c', '10.77.0.99')]);
    stop();
    publisher.publish([alert('d', '10.77.0.66')]);

    expect(outbox.pending().map((one) => one.id)).toEqual(['a', 'd']);
    expect(pushed).toHaveLength(2);
    expect(heard).toEqual([['a']]);
  });
});

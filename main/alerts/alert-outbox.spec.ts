import { describe, expect, it } from 'vitest';
import type { Alert } from '../../preload/api/alerts';
import { AlertOutbox } from './alert-outbox';

const alert = (id: string): Alert => ({
  id,
  kind: 'port_scan',
  severity: 'medium',
  src: '10.77.0.9',
  dst: '10.77.0.2',
  first_seen: 1700000000.5,
  last_seen: 1700000003.25,
  score: 0.8,
  detector: 'rule:port_scan',
  summary: '10.77.0.9 probed 120 ports on 10.77.0.2 in 3 s',
  evidence: { ports: 120 },
  source: { type: 'file', path: '/tmp/x.pcap' },
});

describe('AlertOutbox', () => {
  it('should hold alerts until they are acknowledged, in arrival order', () => {
    const outbox = new AlertOutbox();
    outbox.add([alert('a'), alert('b'), alert('c')]);
    expect(outbox.acknowledge(['b', 'unknown'])).toBe(1);
    expect(outbox.pending().map((item) => item.id)).toEqual(['a', 'c']);
  });

  it('should hold the latest version of an alert that grew, once', () => {
    const outbox = new AlertOutbox();
    outbox.add([alert('a')]);
    outbox.add([{ ...alert('a'), last_seen: 1700000099 }, alert('b')]);
    expect(outbox.size).toBe(2);
    expect(outbox.pending()[0]).toMatchObject({ id: 'a', last_seen: 1700000099 });
  });
});

import { describe, expect, it } from 'vitest';
import { IPPROTO, L3, Packet, TCP_FLAG } from '../decode/packet';
import type { FlowRecord } from './flow-record';
import { FlowTable } from './flow-table';
import { randomInt, seededRandom } from '../../../common/seeded-random';
import { fillPacket, type TestPacket } from './test-packets';

const HOSTS = ['10.0.0.1', '10.0.0.2', '10.0.0.3', '192.168.7.9', '2001:db8::1', '2001:db8::2', 'fe80::1:2', '::1'];
const PROTOCOLS = [IPPROTO.TCP, IPPROTO.TCP, IPPROTO.UDP, IPPROTO.ICMP];
const FLAGS = [TCP_FLAG.SYN, TCP_FLAG.ACK, TCP_FLAG.ACK | TCP_FLAG.PSH, TCP_FLAG.FIN | TCP_FLAG.ACK, TCP_FLAG.RST, 0];

/** A random packet between two hosts of one family, on a few ports so flows repeat and reverse. */
function randomPacket(random: () => number, t: number, flags: readonly number[]): TestPacket {
  const v6 = random() < 0.4;
  const family = HOSTS.filter((host) => host.includes(':') === v6);
  const protocol = PROTOCOLS[randomInt(random, PROTOCOLS.length)] ?? IPPROTO.TCP;
  const ports = protocol !== IPPROTO.ICMP;
  return {
    t,
    src: family[randomInt(random, family.length)] ?? '10.0.0.1',
    dst: family[randomInt(random, family.length)] ?? '10.0.0.2',
    protocol,
    srcPort: ports ? 1000 + randomInt(random, 4) : 0,
    dstPort: ports ? 1000 + randomInt(random, 4) : 0,
    flags: protocol === IPPROTO.TCP ? (flags[randomInt(random, flags.length)] ?? 0) : 0,
    payload: randomInt(random, 1400),
  };
}

/** The flow a packet belongs to in a naive model: protocol and the two endpoints, sorted. */
function modelKey(p: TestPacket): string {
  const a = `${p.src}/${p.srcPort ?? 0}`;
  const b = `${p.dst}/${p.dstPort ?? 0}`;
  return `${p.protocol ?? IPPROTO.TCP} ${a < b ? `${a} ${b}` : `${b} ${a}`}`;
}

describe('FlowTable (seeded random packets)', () => {
  it('should assign every packet the flow a naive string-keyed LRU model assigns, through evictions and RSTs', () => {
    for (const seed of [1, 2, 3]) {
      const random = seededRandom(seed);
      const maxFlows = 40;
      const records: FlowRecord[] = [];
      const table = new FlowTable({ maxFlows, onFlow: (record) => records.push(record) });
      const model = new Map<string, number>(); // key → flow id, in least-recent-first order
      let nextId = 1;
      let evicted = 0;
      const wrong: { seed: number; i: number; got: number; id: number }[] = [];
      const packet = new Packet();
      for (let i = 0; i < 20_000; i++) {
        const fields = randomPacket(random, 1000 + i * 0.001, [TCP_FLAG.ACK, TCP_FLAG.ACK, TCP_FLAG.ACK, TCP_FLAG.RST]);
        const key = modelKey(fields);
        let id = model.get(key);
        if (id === undefined) {
          if (model.size >= maxFlows) {
            const [oldest] = model.keys();
            if (oldest !== undefined) model.delete(oldest);
            evicted++;
          }
          id = nextId++;
        } else {
          model.delete(key);
        }
        model.set(key, id);
        const got = table.add(fillPacket(packet, fields));
        if (got !== id) wrong.push({ seed, i, got, id });
        if (((fields.flags ?? 0) & TCP_FLAG.RST) !== 0 && fields.protocol === IPPROTO.TCP) model.delete(key);
      }
      expect(wrong.slice(0, 5)).toEqual([]);
      expect(table.size).toBe(model.size);
      expect(table.evictedCount).toBe(evicted);
    }
  });

  it('should account for every IP packet and byte exactly once across all records', () => {
    const random = seededRandom(20240611);
    const records: FlowRecord[] = [];
    const table = new FlowTable({
      maxFlows: 300,
      idleTimeout: 5,
      activeTimeout: 8,
      onFlow: (record) => records.push(record),
    });
    const packet = new Packet();
    let fed = 0;
    let bytes = 0;
    let t = 1_700_000_000;
    for (let i = 0; i < 50_000; i++) {
      t += random() * 0.01 - 0.001; // mostly forward, sometimes a step back
      if (i % 10_000 === 9_999) t += 10; // a quiet spell: everything open goes idle
      if (random() < 0.05) {
        packet.reset(); // ARP or other non-IP: in no flow
        packet.l3 = L3.ARP;
        table.add(packet);
        continue;
      }
      fillPacket(packet, randomPacket(random, t, FLAGS));
      fed++;
      bytes += packet.ipLength;
      table.add(packet);
      if (i % 1000 === 0) table.expire(t);
    }
    table.flush();
    const sum = (pick: (r: FlowRecord) => number): number => records.reduce((total, r) => total + pick(r), 0);
    expect(sum((r) => r.packets)).toBe(fed);
    expect(sum((r) => r.bytes)).toBe(bytes);
    expect(sum((r) => r.fwd_packets + r.bwd_packets)).toBe(fed);
    const counters = table.counters();
    expect(counters).toMatchObject({ packets: fed, openFlows: 0, closedFlows: records.length });
    expect(counters.openedFlows).toBe(records.length);
    expect(new Set(records.map((r) => r.flow_id)).size).toBe(records.length);
    expect(records.filter((r) => r.close_reason === 'evicted')).toHaveLength(counters.evictedFlows);
    const reasons = new Set(records.map((r) => r.close_reason));
    expect([...reasons].sort()).toEqual(['active-timeout', 'end-of-input', 'evicted', 'fin', 'idle', 'rst']);
    for (const r of records) {
      expect(r.duration).toBeGreaterThanOrEqual(0);
      // A record continuing a flow cut by the active timeout may start with a reply, so only the total is ≥ 1.
      expect(r.packets).toBeGreaterThanOrEqual(1);
      if (r.first_seen === r.last_seen) expect(r.iat_max).toBe(0);
      expect(r.len_min).toBeLessThanOrEqual(r.len_mean);
      expect(r.len_mean).toBeLessThanOrEqual(r.len_max + 1e-9);
    }
  });
});

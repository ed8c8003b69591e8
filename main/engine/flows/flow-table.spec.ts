import { describe, expect, it } from 'vitest';
import { IPPROTO, L3, LAYER, Packet, TCP_FLAG } from '../decode/packet';
import type { FlowRecord } from './flow-record';
import { FlowTable } from './flow-table';
import { fillPacket, type TestPacket } from './test-packets';

const { SYN, ACK } = TCP_FLAG;

/** A table collecting its records, and a feeder reusing one Packet as the pipeline does. */
function setup(options: { maxFlows?: number; idleTimeout?: number } = {}) {
  const records: FlowRecord[] = [];
  const table = new FlowTable({ ...options, onFlow: (record) => records.push(record) });
  const packet = new Packet();
  const add = (fields: TestPacket): number => table.add(fillPacket(packet, fields));
  return { table, records, add };
}

describe('FlowTable', () => {
  it('should make the first packet’s source the initiator (forward direction)', () => {
    const { table, records, add } = setup();
    add({ t: 100, src: '10.0.0.2', dst: '10.0.0.1', srcPort: 80, dstPort: 40000, flags: SYN | ACK });
    add({ t: 100.1, src: '10.0.0.1', dst: '10.0.0.2', srcPort: 40000, dstPort: 80, flags: ACK });
    table.flush();
    expect(records).toHaveLength(1);
    expect(records[0]).toMatchObject({
      src: '10.0.0.2',
      src_port: 80,
      dst: '10.0.0.1',
      dst_port: 40000,
      fwd_packets: 1,
      bwd_packets: 1,
      protocol: IPPROTO.TCP,
      ip_version: 4,
    });
  });

  it('should put reply packets in the same flow and return its id for each packet', () => {
    const { table, records, add } = setup();
    const a = add({ t: 1, src: '192.168.1.10', dst: '8.8.8.8', srcPort: 5353, dstPort: 53, protocol: IPPROTO.UDP });
    const b = add({ t: 1.2, src: '8.8.8.8', dst: '192.168.1.10', srcPort: 53, dstPort: 5353, protocol: IPPROTO.UDP });
    const other = add({
      t: 1.3,
      src: '192.168.1.10',
      dst: '8.8.8.8',
      srcPort: 5354,
      dstPort: 53,
      protocol: IPPROTO.UDP,
    });
    expect(a).toBe(1);
    expect(b).toBe(a);
    expect(other).toBe(2);
    expect(table.size).toBe(2);
    table.flush();
    expect(records.map((r) => [r.flow_id, r.fwd_packets, r.bwd_packets, r.close_reason])).toEqual([
      [1, 1, 1, 'end-of-input'],
      [2, 1, 0, 'end-of-input'],
    ]);
  });

  it('should not match a packet whose ports are swapped only on one side', () => {
    const { table, add } = setup();
    add({ t: 1, src: '10.0.0.1', dst: '10.0.0.2', srcPort: 1000, dstPort: 2000 });
    add({ t: 2, src: '10.0.0.2', dst: '10.0.0.1', srcPort: 1000, dstPort: 2000 });
    add({ t: 3, src: '10.0.0.1', dst: '10.0.0.2', srcPort: 1000, dstPort: 2000, protocol: IPPROTO.UDP });
    expect(table.size).toBe(3);
  });

  it('should track IPv6 flows and write their addresses as RFC 5952 text', () => {
    const { table, records, add } = setup();
    add({ t: 5, src: '2001:db8::1', dst: '2001:db8:0:0:1::2', srcPort: 50000, dstPort: 443, length: 80 });
    add({ t: 5.5, src: '2001:db8:0:0:1::2', dst: '2001:db8::1', srcPort: 443, dstPort: 50000, length: 1280 });
    table.flush();
    expect(records).toHaveLength(1);
    expect(records[0]).toMatchObject({
      ip_version: 6,
      src: '2001:db8::1',
      dst: '2001:db8::1:0:0:2', // two equal zero runs: the first is compressed (RFC 5952 §4.2.3)
      fwd_bytes: 80,
      bwd_bytes: 1280,
      first_seen: 5,
      last_seen: 5.5,
    });
  });

  it('should keep IPv4 and IPv6 flows with the same numeric words apart', () => {
    const { table, add } = setup();
    add({ t: 1, src: '0.0.0.1', dst: '0.0.0.2' });
    add({ t: 1, src: '::', dst: '::' });
    add({ t: 1, src: '0:1::', dst: '0:2::' });
    expect(table.size).toBe(3);
  });

  it('should key ICMP on addresses and protocol, so echo request and reply share a flow', () => {
    const { table, records, add } = setup();
    add({ t: 1, src: '10.0.0.1', dst: '10.0.0.9', protocol: IPPROTO.ICMP, length: 84 });
    add({ t: 1.001, src: '10.0.0.9', dst: '10.0.0.1', protocol: IPPROTO.ICMP, length: 84 });
    table.flush();
    expect(records).toHaveLength(1);
    expect(records[0]).toMatchObject({ src_port: 0, dst_port: 0, packets: 2, protocol: IPPROTO.ICMP });
  });

  it('should ignore non-IP packets and count them', () => {
    const { table, records } = setup();
    const arp = new Packet();
    arp.l3 = L3.ARP;
    arp.depth = LAYER.NETWORK;
    expect(table.add(arp)).toBe(0);
    const cut = new Packet();
    cut.l3 = L3.IPV4; // IP claimed, but the header was not decoded
    cut.depth = LAYER.LINK;
    expect(table.add(cut)).toBe(0);
    table.flush();
    expect(records).toHaveLength(0);
    expect(table.counters()).toMatchObject({ packets: 0, ignoredPackets: 2, openedFlows: 0 });
  });

  it('should key TCP fragments without a transport header on addresses and protocol', () => {
    const { table, records, add } = setup();
    const packet = new Packet();
    fillPacket(packet, { t: 1, src: '10.0.0.1', dst: '10.0.0.2', srcPort: 7, dstPort: 9 });
    packet.depth = LAYER.NETWORK; // a later fragment: ports not decoded (the fields hold stale values)
    table.add(packet);
    add({ t: 1, src: '10.0.0.1', dst: '10.0.0.2', srcPort: 7, dstPort: 9 });
    table.flush();
    expect(records.map((r) => [r.src_port, r.dst_port])).toEqual([
      [0, 0],
      [7, 9],
    ]);
  });

  it('should grow past its initial capacity and still find every flow', () => {
    const { table, records, add } = setup();
    const flows = 5000;
    for (let i = 0; i < flows; i++) add({ t: 1, src: '10.1.0.1', dst: '10.2.0.1', srcPort: i, dstPort: 443 });
    for (let i = 0; i < flows; i++) add({ t: 2, src: '10.2.0.1', dst: '10.1.0.1', srcPort: 443, dstPort: i });
    expect(table.size).toBe(flows);
    table.flush();
    expect(records.every((r) => r.fwd_packets === 1 && r.bwd_packets === 1)).toBe(true);
  });

  it('should reject options that make no sense', () => {
    const onFlow = (): void => undefined;
    expect(() => new FlowTable({ onFlow, idleTimeout: 0 })).toThrow(RangeError);
    expect(() => new FlowTable({ onFlow, activeTimeout: Number.NaN })).toThrow(RangeError);
    expect(() => new FlowTable({ onFlow, maxFlows: 0 })).toThrow(RangeError);
    expect(() => new FlowTable({ onFlow, maxFlows: 1.5 })).toThrow(RangeError);
  });
});

import { describe, expect, it } from 'vitest';
import { Packet, TCP_FLAG } from '../decode/packet';
import type { FlowRecord } from './flow-record';
import { FlowTable } from './flow-table';
import { fillPacket, type TestPacket } from './test-packets';

const { FIN, SYN, RST, ACK, PSH } = TCP_FLAG;
const C = { src: '10.0.0.1', dst: '10.0.0.2', srcPort: 40000, dstPort: 80 } as const; // client → server
const S = { src: '10.0.0.2', dst: '10.0.0.1', srcPort: 80, dstPort: 40000 } as const; // server → client

function setup(
  options: { maxFlows?: number; idleTimeout?: number; activeTimeout?: number; autoExpire?: boolean } = {},
) {
  const records: FlowRecord[] = [];
  const table = new FlowTable({ ...options, onFlow: (record) => records.push(record) });
  const packet = new Packet();
  const add = (fields: TestPacket): number => table.add(fillPacket(packet, fields));
  return { table, records, add };
}

describe('FlowTable closing', () => {
  it('should close on the final ACK after FIN both ways, keeping that ACK in the flow', () => {
    const { table, records, add } = setup();
    add({ ...C, t: 0, flags: SYN });
    add({ ...S, t: 0.01, flags: SYN | ACK });
    add({ ...C, t: 0.02, flags: ACK });
    add({ ...C, t: 0.03, flags: PSH | ACK, payload: 100 });
    add({ ...S, t: 0.04, flags: FIN | ACK });
    add({ ...C, t: 0.05, flags: FIN | ACK });
    expect(records).toHaveLength(0); // both FINs seen: waiting for the last ACK
    add({ ...S, t: 0.06, flags: ACK });
    expect(records).toHaveLength(1);
    expect(records[0]).toMatchObject({ close_reason: 'fin', packets: 7, fin_count: 2, syn_count: 2, ack_count: 6 });
    expect(table.size).toBe(0);
    add({ ...C, t: 0.07, flags: ACK }); // a straggler starts a new flow
    expect(table.counters().openedFlows).toBe(2);
  });

  it('should not close on an ACK from the side whose FIN came second', () => {
    const { table, records, add } = setup();
    add({ ...C, t: 0, flags: FIN | ACK });
    add({ ...S, t: 0.1, flags: FIN | ACK });
    add({ ...S, t: 0.2, flags: ACK }); // the server acknowledging again: not the final ACK
    expect(records).toHaveLength(0);
    add({ ...C, t: 0.3, flags: ACK });
    expect(records.map((r) => [r.close_reason, r.packets])).toEqual([['fin', 4]]);
    expect(table.size).toBe(0);
  });

  it('should close as fin when the final ACK never comes and the flow goes idle', () => {
    const { table, records, add } = setup({ idleTimeout: 10 });
    add({ ...C, t: 0, flags: FIN | ACK });
    add({ ...S, t: 1, flags: FIN | ACK });
    expect(table.expire(11)).toBe(0); // exactly the timeout: not idle yet
    expect(table.expire(11.5)).toBe(1);
    expect(records.map((r) => r.close_reason)).toEqual(['fin']);
  });

  it('should close at once on RST, from either side', () => {
    const { table, records, add } = setup();
    add({ ...C, t: 0, flags: SYN });
    add({ ...S, t: 0.001, flags: RST | ACK });
    expect(records.map((r) => [r.close_reason, r.packets, r.rst_count, r.bwd_packets])).toEqual([['rst', 2, 1, 1]]);
    expect(table.size).toBe(0);
  });

  it('should close a flow idle for longer than the idle timeout, on capture time', () => {
    const { table, records, add } = setup({ idleTimeout: 120 });
    add({ ...C, t: 1000 });
    add({ ...S, t: 1120 }); // exactly 120 s later: not idle yet
    expect(records).toHaveLength(0);
    add({ ...C, t: 1240.5 }); // 120.5 s later: the first flow closes, this packet starts a new one
    expect(records.map((r) => [r.close_reason, r.packets, r.last_seen])).toEqual([['idle', 2, 1120]]);
    table.flush();
    expect(records.map((r) => [r.flow_id, r.close_reason, r.src])).toEqual([
      [1, 'idle', '10.0.0.1'],
      [2, 'end-of-input', '10.0.0.1'],
    ]);
  });

  it('should start a new flow with the packet’s source as initiator when an idle flow resumes the other way', () => {
    const { table, records, add } = setup({ idleTimeout: 60, autoExpire: false });
    add({ ...C, t: 0 });
    add({ ...S, t: 100 }); // idle gap, and the server speaks first this time
    table.flush();
    expect(records.map((r) => [r.close_reason, r.src, r.fwd_packets, r.bwd_packets])).toEqual([
      ['idle', '10.0.0.1', 1, 0],
      ['end-of-input', '10.0.0.2', 1, 0],
    ]);
  });

  it('should expire only flows idle past the timeout, least recent first, and count them', () => {
    const { table, records, add } = setup({ idleTimeout: 30 });
    add({ ...C, t: 0 });
    add({ ...C, srcPort: 40001, t: 10 });
    add({ ...C, srcPort: 40002, t: 20 });
    add({ ...C, t: 25 }); // touches the first flow again
    expect(table.expire(45)).toBe(1); // only the 40001 flow (last seen at 10) is idle for > 30 s
    expect(records.map((r) => r.src_port)).toEqual([40001]);
    expect(table.expire(60)).toBe(2);
    expect(records.map((r) => r.src_port)).toEqual([40001, 40002, 40000]);
    expect(table.expire(1e9)).toBe(0);
  });

  it('should cut a flow at the active timeout into records that keep the initiator', () => {
    const { table, records, add } = setup({ activeTimeout: 1800 });
    for (let t = 0; t <= 2000; t += 50) add({ ...(t % 100 === 0 ? C : S), t });
    table.flush();
    expect(records.map((r) => [r.close_reason, r.first_seen, r.last_seen, r.src])).toEqual([
      ['active-timeout', 0, 1800, '10.0.0.1'],
      ['end-of-input', 1850, 2000, '10.0.0.1'],
    ]);
    expect(records[0]?.packets).toBe(37);
    expect(records[1]?.packets).toBe(4);
    expect(records[1]?.flow_id).toBe(2);
  });

  it('should evict the least recently seen flow at the cap and count evictions', () => {
    const { table, records, add } = setup({ maxFlows: 3 });
    add({ ...C, srcPort: 1, t: 0 });
    add({ ...C, srcPort: 2, t: 1 });
    add({ ...C, srcPort: 3, t: 2 });
    add({ ...S, dstPort: 1, t: 3 }); // the reply makes flow 1 the most recent
    add({ ...C, srcPort: 4, t: 4 }); // full: flow 2 is the least recently seen
    add({ ...C, srcPort: 5, t: 5 }); // then flow 3
    expect(table.size).toBe(3);
    expect(table.evictedCount).toBe(2);
    expect(table.counters().evictedFlows).toBe(2);
    expect(records.map((r) => [r.src_port, r.close_reason])).toEqual([
      [2, 'evicted'],
      [3, 'evicted'],
    ]);
    table.flush();
    expect(records.slice(2).map((r) => r.src_port)).toEqual([1, 4, 5]);
  });

  it('should flush every open flow as end-of-input and be reusable afterwards', () => {
    const { table, records, add } = setup();
    add({ ...C, t: 0 });
    add({ ...C, srcPort: 2, t: 0 });
    expect(table.flush()).toBe(2);
    expect(table.flush()).toBe(0);
    expect(records.every((r) => r.close_reason === 'end-of-input')).toBe(true);
    expect(add({ ...C, t: 1 })).toBe(3);
  });

  it('should leave the table consistent when onFlow throws', () => {
    let fail = true;
    const table = new FlowTable({
      maxFlows: 1,
      onFlow: () => {
        if (fail) throw new Error('consumer failed');
      },
    });
    const packet = new Packet();
    table.add(fillPacket(packet, { ...C, t: 0 }));
    expect(() => table.add(fillPacket(packet, { ...C, srcPort: 2, t: 1 }))).toThrow('consumer failed');
    fail = false;
    expect(table.size).toBe(0);
    table.add(fillPacket(packet, { ...C, srcPort: 3, t: 2 }));
    expect(table.size).toBe(1);
  });
});

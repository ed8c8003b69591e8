import { describe, expect, it } from 'vitest';
import { IPPROTO, Packet, TCP_FLAG } from '../decode/packet';
import type { FlowRecord } from './flow-record';
import { FlowTable } from './flow-table';
import { fillPacket, type TestPacket } from './test-packets';

const { SYN, ACK, PSH, URG, ECE, CWR } = TCP_FLAG;
const BASE = 1_700_000_000;
const C = { src: '10.0.0.1', dst: '10.0.0.2', srcPort: 40000, dstPort: 80 } as const;
const S = { src: '10.0.0.2', dst: '10.0.0.1', srcPort: 80, dstPort: 40000 } as const;

/** Feeds the packets, flushes, and returns the single record. */
function flowOf(packets: readonly TestPacket[], activityThreshold?: number): FlowRecord {
  const records: FlowRecord[] = [];
  const table = new FlowTable({
    onFlow: (record) => records.push(record),
    ...(activityThreshold === undefined ? {} : { activityThreshold }),
  });
  const packet = new Packet();
  for (const fields of packets) table.add(fillPacket(packet, fields));
  table.flush();
  expect(records).toHaveLength(1);
  const [record] = records;
  if (record === undefined) throw new Error('no record');
  return record;
}

/**
 * Five packets with hand-picked sizes and times (seconds after BASE):
 *   t   dir  flags          IP length  payload  window
 *   0   fwd  SYN            100        40       64240
 *   0.5 bwd  SYN ACK ECE    60         0        65160
 *   1   fwd  ACK PSH        200        140      502
 *   2   bwd  ACK PSH URG    80         20       509
 *   4   fwd  ACK CWR        300        240      502
 */
const CONVERSATION: readonly TestPacket[] = [
  { ...C, t: BASE, flags: SYN, length: 100, payload: 40, window: 64240 },
  { ...S, t: BASE + 0.5, flags: SYN | ACK | ECE, length: 60, payload: 0, window: 65160 },
  { ...C, t: BASE + 1, flags: ACK | PSH, length: 200, payload: 140, window: 502 },
  { ...S, t: BASE + 2, flags: ACK | PSH | URG, length: 80, payload: 20, window: 509 },
  { ...C, t: BASE + 4, flags: ACK | CWR, length: 300, payload: 240, window: 502 },
];

describe('flow features', () => {
  it('should count packets, bytes, payload and header bytes per direction', () => {
    expect(flowOf(CONVERSATION)).toMatchObject({
      first_seen: BASE,
      last_seen: BASE + 4,
      duration: 4,
      packets: 5,
      fwd_packets: 3,
      bwd_packets: 2,
      bytes: 740,
      fwd_bytes: 600,
      bwd_bytes: 140,
      fwd_payload_bytes: 420,
      bwd_payload_bytes: 20,
      fwd_header_bytes: 180, // 600 − 420
      bwd_header_bytes: 120, // 140 − 20
      fwd_data_packets: 3,
      bwd_data_packets: 1,
    });
  });

  it('should give packet length min/max/mean/sample std per direction and overall', () => {
    const r = flowOf(CONVERSATION);
    // fwd 100, 200, 300: mean 200, Σd² = 20000, std = √(20000/2) = 100
    expect([r.fwd_len_min, r.fwd_len_max, r.fwd_len_mean, r.fwd_len_std]).toEqual([100, 300, 200, 100]);
    // bwd 60, 80: mean 70, Σd² = 200, std = √200
    expect([r.bwd_len_min, r.bwd_len_max, r.bwd_len_mean]).toEqual([60, 80, 70]);
    expect(r.bwd_len_std).toBeCloseTo(Math.sqrt(200), 12);
    // all 100, 60, 200, 80, 300: mean 148, Σd² = 2304 + 7744 + 2704 + 4624 + 23104 = 40480, std = √(40480/4)
    expect([r.len_min, r.len_max]).toEqual([60, 300]);
    expect(r.len_mean).toBeCloseTo(148, 12);
    expect(r.len_std).toBeCloseTo(Math.sqrt(10120), 10);
  });

  it('should give inter-arrival time statistics per direction and overall', () => {
    const r = flowOf(CONVERSATION);
    // flow gaps 0.5, 0.5, 1, 2: mean 1, Σd² = 0.25 + 0.25 + 0 + 1 = 1.5, std = √(1.5/3)
    expect([r.iat_min, r.iat_max, r.iat_mean]).toEqual([0.5, 2, 1]);
    expect(r.iat_std).toBeCloseTo(Math.sqrt(0.5), 12);
    // fwd gaps 1, 3: mean 2, std √2
    expect([r.fwd_iat_min, r.fwd_iat_max, r.fwd_iat_mean]).toEqual([1, 3, 2]);
    expect(r.fwd_iat_std).toBeCloseTo(Math.SQRT2, 12);
    // bwd gap 1.5 alone: std 0
    expect([r.bwd_iat_min, r.bwd_iat_max, r.bwd_iat_mean, r.bwd_iat_std]).toEqual([1.5, 1.5, 1.5, 0]);
  });

  it('should count TCP flags, per-direction PSH/URG and the initial windows', () => {
    expect(flowOf(CONVERSATION)).toMatchObject({
      fin_count: 0,
      syn_count: 2,
      rst_count: 0,
      psh_count: 2,
      ack_count: 4,
      urg_count: 1,
      ece_count: 1,
      cwr_count: 1,
      fwd_psh_count: 1,
      bwd_psh_count: 1,
      fwd_urg_count: 0,
      bwd_urg_count: 1,
      fwd_init_window: 64240,
      bwd_init_window: 65160,
    });
  });

  it('should give rates over the duration and the down/up ratio', () => {
    const r = flowOf(CONVERSATION);
    expect([r.bytes_per_second, r.packets_per_second, r.fwd_packets_per_second, r.bwd_packets_per_second]).toEqual([
      185, 1.25, 0.75, 0.5,
    ]);
    expect(r.down_up_ratio).toBeCloseTo(2 / 3, 15);
  });

  it('should split active and idle periods at the activity threshold', () => {
    // No gap above the default 5 s: one active period of 4 s, no idle period.
    expect(flowOf(CONVERSATION)).toMatchObject({ active_min: 4, active_max: 4, active_mean: 4, active_std: 0 });
    expect(flowOf(CONVERSATION)).toMatchObject({ idle_min: 0, idle_max: 0, idle_mean: 0, idle_std: 0 });
    // Threshold 1.5 s: the 2 s gap (t 2 → 4) ends an active period [0, 2] and is idle; [4, 4] is empty.
    expect(flowOf(CONVERSATION, 1.5)).toMatchObject({ active_min: 2, active_max: 2, idle_min: 2, idle_max: 2 });
  });

  it('should report zeros, not infinities, for a single packet and -1 windows without TCP', () => {
    const r = flowOf([{ ...C, t: BASE, protocol: IPPROTO.UDP, length: 76, payload: 48 }]);
    expect(r).toMatchObject({
      duration: 0,
      bytes_per_second: 0,
      packets_per_second: 0,
      iat_min: 0,
      iat_std: 0,
      bwd_len_min: 0,
      len_std: 0,
      fwd_init_window: -1,
      bwd_init_window: -1,
      down_up_ratio: 0,
      fwd_header_bytes: 28,
    });
    expect(Object.values(r).filter((value) => typeof value === 'number' && !Number.isFinite(value))).toEqual([]);
  });

  it('should keep nanosecond gaps despite epoch-sized timestamps', () => {
    const records: FlowRecord[] = [];
    const table = new FlowTable({ onFlow: (record) => records.push(record) });
    const packet = new Packet();
    for (const nanos of [1, 2, 4]) {
      fillPacket(packet, { ...C, t: BASE });
      packet.nanos = nanos;
      table.add(packet);
    }
    table.flush();
    expect(records[0]?.iat_min).toBeCloseTo(1e-9, 18);
    expect(records[0]?.iat_max).toBeCloseTo(2e-9, 18);
  });

  it('should count a packet stamped before the previous one as a 0 gap', () => {
    const r = flowOf([
      { ...C, t: BASE + 10 },
      { ...S, t: BASE + 9 },
      { ...C, t: BASE + 12 },
    ]);
    expect([r.iat_min, r.iat_max, r.duration, r.last_seen]).toEqual([0, 2, 2, BASE + 12]);
  });

  it('should estimate the wire payload of a packet cut by the snap length', () => {
    const records: FlowRecord[] = [];
    const table = new FlowTable({ onFlow: (record) => records.push(record) });
    const packet = fillPacket(new Packet(), { ...C, t: BASE, length: 1500, payload: 54 });
    packet.ipTruncated = true; // 96-byte snap length: 54 of the 1460 payload bytes captured
    table.add(packet);
    table.flush();
    expect(records[0]).toMatchObject({ fwd_bytes: 1500, fwd_payload_bytes: 1460, fwd_header_bytes: 40 });
  });
});

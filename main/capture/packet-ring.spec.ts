import { describe, expect, it } from 'vitest';
import { decodeFrame, Packet } from '../engine/decode';
import { PacketRing } from './packet-ring';
import { tcpFrame } from './testing/tcp-frames';

function add(ring: PacketRing, time: number, src: string, dst: string, dstPort: number, flowId = 0): void {
  const bytes = tcpFrame({ src, dst, srcPort: 40000, dstPort, flags: 0x02 });
  const packet = new Packet();
  packet.seconds = Math.floor(time);
  packet.nanos = Math.round((time % 1) * 1e9);
  packet.wirelen = bytes.length;
  decodeFrame(bytes, 0, bytes.length, 1, packet);
  ring.add(bytes, 0, packet, flowId);
}

describe('PacketRing', () => {
  it('should answer the packets between two parties within a window, in capture order', () => {
    const ring = new PacketRing();
    add(ring, 100.5, '10.77.50.2', '10.77.50.1', 22);
    add(ring, 101, '10.77.50.3', '10.77.50.1', 23);
    add(ring, 102, '10.77.50.1', '10.77.50.2', 24);
    add(ring, 110, '10.77.50.2', '10.77.50.1', 25);
    const answer = ring.packetsOf({ hosts: ['10.77.50.2', '10.77.50.1'], from: 100, to: 105 });
    expect(answer.frames.map((frame) => new DataView(frame.bytes.buffer).getUint16(36))).toEqual([22, 24]);
    expect(answer.frames[0]).toMatchObject({ seconds: 100, nanos: 500_000_000, wirelen: 54 });
    expect(answer).toMatchObject({ linktype: 1, covers: true, truncated: false });
    expect(ring.packetsOf({ hosts: ['10.77.50.3'], from: 0, to: 200 }).frames).toHaveLength(1);
  });

  it('should answer by flow id whatever the addresses, and cap the answer at the limit', () => {
    const ring = new PacketRing();
    for (let i = 0; i < 10; i++) add(ring, 100 + i, '10.77.50.2', '10.77.50.1', i, i % 2 === 0 ? 7 : 8);
    expect(ring.packetsOf({ hosts: [], flowIds: [7], from: 0, to: 200 }).frames).toHaveLength(5);
    const capped = ring.packetsOf({ hosts: [], from: 0, to: 200, limit: 3 });
    expect(capped.frames).toHaveLength(3);
    expect(capped.truncated).toBe(true);
  });

  it('should overwrite the oldest packets once full and say it no longer covers their time', () => {
    const ring = new PacketRing({ packets: 4, bytes: 1024 });
    for (let i = 0; i < 10; i++) add(ring, 100 + i, '10.77.50.2', '10.77.50.1', i);
    expect(ring.size).toBeLessThanOrEqual(4);
    const early = ring.packetsOf({ hosts: [], from: 100, to: 200 });
    expect(early.covers).toBe(false);
    expect(early.frames.map((frame) => frame.seconds)).toEqual([106, 107, 108, 109].slice(4 - ring.size));
    expect(ring.packetsOf({ hosts: [], from: 108, to: 200 }).covers).toBe(true);
  });

  it('should hold at most its byte budget, dropping records whose bytes were overwritten', () => {
    const ring = new PacketRing({ packets: 1000, bytes: 200 }); // three 54-byte frames fit
    for (let i = 0; i < 10; i++) add(ring, 100 + i, '10.77.50.2', '10.77.50.1', i);
    const answer = ring.packetsOf({ hosts: [], from: 0, to: 200 });
    expect(answer.frames.length).toBeLessThanOrEqual(3);
    expect(answer.frames.at(-1)?.seconds).toBe(109);
    for (const frame of answer.frames) expect(frame.bytes).toHaveLength(54);
  });
});

/**
 * Writes the packets behind an alert as a capture file: every frame from the source is decoded,
 * kept when the selection matches, and written with the engine's writers — a classic pcap with
 * nanosecond timestamps when all kept frames share one link type, else a pcapng with one interface
 * per link type. Bounded so a flood's alert cannot fill the disk or memory.
 */
import { writeFile } from 'node:fs/promises';
import { Packet, decodeFrame } from '../engine/decode';
import type { CaptureFrame } from '../engine/sources/synthetic-frames';
import { writePcap } from '../engine/sources/write-pcap';
import { writePcapng } from '../engine/sources/write-pcapng';
import type { EvidenceSource } from './evidence-source';
import { SelectionMatcher, type PacketSelection } from './packet-selection';

export interface EvidenceLimits {
  readonly maxPackets: number;
  readonly maxBytes: number;
}

/**
 * 200,000 packets or 256 MB: a scan or a brute force is far below; a flood is cut, which is said,
 * and its first 200,000 packets are plenty to see what it is.
 */
export const EVIDENCE_LIMITS: EvidenceLimits = { maxPackets: 200_000, maxBytes: 256 * 1024 * 1024 };

export interface EvidenceWritten {
  readonly packets: number;
  readonly bytes: number;
  readonly scanned: number;
  readonly truncated: boolean;
  readonly format: 'pcap' | 'pcapng';
  /** `stem` with the extension of the format written. */
  readonly path: string;
}

interface KeptFrame extends CaptureFrame {
  readonly linktype: number;
}

/** Collects the frames of `source` that `selection` matches (copies of their bytes). */
export async function collectEvidence(
  source: EvidenceSource,
  selection: PacketSelection,
  limits: EvidenceLimits = EVIDENCE_LIMITS,
  signal?: AbortSignal,
): Promise<{ frames: KeptFrame[]; scanned: number; truncated: boolean }> {
  const matcher = new SelectionMatcher(selection);
  const packet = new Packet();
  const frames: KeptFrame[] = [];
  let scanned = 0;
  let bytes = 0;
  for await (const batch of source.frames(selection, signal)) {
    for (let i = 0; i < batch.count; i++) {
      scanned += 1;
      const offset = batch.offsets[i] ?? 0;
      const caplen = batch.caplens[i] ?? 0;
      const linktype = batch.linktypes[i] ?? 0;
      decodeFrame(batch.data, offset, caplen, linktype, packet);
      packet.seconds = batch.seconds[i] ?? 0;
      packet.nanos = batch.nanos[i] ?? 0;
      packet.wirelen = batch.wirelens[i] ?? 0;
      if (!matcher.matches(packet)) continue;
      if (frames.length >= limits.maxPackets || bytes + caplen > limits.maxBytes) {
        return { frames, scanned, truncated: true };
      }
      frames.push({
        seconds: packet.seconds,
        nanos: packet.nanos,
        wirelen: packet.wirelen,
        linktype,
        bytes: batch.data.slice(offset, offset + caplen),
      });
      bytes += caplen;
    }
  }
  return { frames, scanned, truncated: false };
}

/** Encodes kept frames: pcap for one link type, pcapng with an interface per link type otherwise. */
export function encodeEvidence(frames: readonly KeptFrame[]): { bytes: Uint8Array; format: 'pcap' | 'pcapng' } {
  const linktypes = [...new Set(frames.map((frame) => frame.linktype))];
  if (linktypes.length <= 1) {
    return { bytes: writePcap(frames, { nanosecond: true, linktype: linktypes[0] ?? 1 }), format: 'pcap' };
  }
  const interfaceOf = new Map(linktypes.map((linktype, index) => [linktype, index]));
  return {
    bytes: writePcapng(
      frames.map((frame) => ({ ...frame, interfaceId: interfaceOf.get(frame.linktype) ?? 0 })),
      // 9: if_tsresol 10^-9, so nanosecond timestamps survive.
      { interfaces: linktypes.map((linktype) => ({ linktype, tsresol: 9 })) },
    ),
    format: 'pcapng',
  };
}

/** Reads, selects and writes to `stem` + `.pcap` (or `.pcapng` for mixed link types). */
export async function writeEvidence(
  source: EvidenceSource,
  selection: PacketSelection,
  stem: string,
  limits: EvidenceLimits = EVIDENCE_LIMITS,
  signal?: AbortSignal,
): Promise<EvidenceWritten> {
  const { frames, scanned, truncated } = await collectEvidence(source, selection, limits, signal);
  const { bytes, format } = encodeEvidence(frames);
  const path = `${stem}.${format}`;
  await writeFile(path, bytes);
  return { packets: frames.length, bytes: bytes.length, scanned, truncated, format, path };
}

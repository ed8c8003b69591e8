/**
 * Recognises a capture format from its first bytes, never from the file name.
 *
 * - classic pcap: magic 0xA1B2C3D4 (microsecond) or 0xA1B23C4D (nanosecond), written in the
 *   writer's byte order (draft-ietf-opsawg-pcap §4);
 * - pcapng: a Section Header Block, type 0x0A0D0D0A (a palindrome, so readable in either order),
 *   then its length, then the byte-order magic 0x1A2B3C4D (draft-ietf-opsawg-pcapng §4.1);
 * - gzip: 0x1F 0x8B (RFC 1952 §2.3.1), which may wrap either of the above.
 */
import type { CaptureFormat } from '../../../preload/api/analysis';

export interface SniffedFormat {
  readonly format: CaptureFormat;
  readonly byteOrder: 'little' | 'big' | null;
}

/** Bytes needed to tell every format apart: pcapng's byte-order magic ends at offset 12. */
export const SNIFF_BYTES = 12;

const PCAP_MICRO = 0xa1b2c3d4;
const PCAP_NANO = 0xa1b23c4d;
const PCAPNG_SHB = 0x0a0d0d0a;
const PCAPNG_BYTE_ORDER = 0x1a2b3c4d;

/** Returns the format of a capture from its first bytes, or undefined when none matches. */
export function sniffFormat(head: Uint8Array): SniffedFormat | undefined {
  if (head.length >= 2 && head[0] === 0x1f && head[1] === 0x8b) return { format: 'gzip', byteOrder: null };
  if (head.length < 4) return undefined;
  const view = new DataView(head.buffer, head.byteOffset, head.byteLength);
  const big = view.getUint32(0, false);
  const little = view.getUint32(0, true);
  if (big === PCAP_MICRO) return { format: 'pcap', byteOrder: 'big' };
  if (little === PCAP_MICRO) return { format: 'pcap', byteOrder: 'little' };
  if (big === PCAP_NANO) return { format: 'pcap-ns', byteOrder: 'big' };
  if (little === PCAP_NANO) return { format: 'pcap-ns', byteOrder: 'little' };
  if (big === PCAPNG_SHB && head.length >= SNIFF_BYTES) {
    if (view.getUint32(8, false) === PCAPNG_BYTE_ORDER) return { format: 'pcapng', byteOrder: 'big' };
    if (view.getUint32(8, true) === PCAPNG_BYTE_ORDER) return { format: 'pcapng', byteOrder: 'little' };
  }
  return undefined;
}

/** Formats the first bytes for an error message, e.g. `3c 21 44 4f`. */
export function hexPreview(head: Uint8Array, count = 8): string {
  return Array.from(head.subarray(0, count), (byte) => byte.toString(16).padStart(2, '0')).join(' ');
}

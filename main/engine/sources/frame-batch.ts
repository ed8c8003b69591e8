/**
 * Frames as a Source hands them on: in batches, struct-of-arrays, pointing into the chunk they
 * were read from rather than copied, so reading costs no allocation per packet.
 */

/** Link-layer header types (tcpdump.org/linktypes.html) the decoders understand. */
export const LINKTYPE = {
  NULL: 0, // BSD loopback: 4-byte address family in host byte order
  ETHERNET: 1,
  RAW: 101, // raw IPv4 or IPv6, version from the first nibble
  LOOP: 108, // OpenBSD loopback: address family in network byte order
  LINUX_SLL: 113,
  IPV4: 228,
  IPV6: 229,
  LINUX_SLL2: 276,
} as const;

export interface FrameBatch {
  /** How many frames the arrays below hold (they may be longer; only the first `count` count). */
  count: number;
  /** The buffer the frames' bytes live in; frame i is data[offsets[i] .. offsets[i] + caplens[i]). */
  data: Uint8Array;
  offsets: Uint32Array;
  /** Bytes captured. */
  caplens: Uint32Array;
  /** Bytes on the wire (may exceed caplen when the snap length cut the packet). */
  wirelens: Uint32Array;
  /** Whole seconds since the epoch. */
  seconds: Float64Array;
  /** Nanoseconds within the second (0..999,999,999), whatever the file's resolution. */
  nanos: Uint32Array;
  linktypes: Uint16Array;
  /** Byte offset of each frame's record in the (decompressed) file, for messages and evidence. */
  fileOffsets: Float64Array;
}

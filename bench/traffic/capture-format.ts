/** How a capture file frames each packet: the part of the format the streaming writer needs. */
export interface CaptureFormat {
  /** What the file starts with. */
  header(): Uint8Array;
  /** Bytes a record holding a frame of `length` bytes takes. */
  recordLength(length: number): number;
  /**
   * Writes the record's framing (little-endian) around a frame of `length` bytes whose record
   * starts at `at`; returns where the frame's bytes go.
   */
  writeRecord(view: DataView, at: number, seconds: number, nanos: number, length: number): number;
}

/** Both formats' Ethernet link type (tcpdump.org/linktypes.html). */
export const LINKTYPE_ETHERNET = 1;
/** Wireshark's default snapshot length: nothing generated is cut. */
export const SNAPLEN = 262_144;

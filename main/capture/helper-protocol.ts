/**
 * What the capture helper writes on its stdout: a stream of records, each `u32 length (LE), u8 type,
 * body`. A control record's body is JSON (ready, stats, error); a batch record's body is
 * `u32 count` and then per frame `u32 seconds, u32 nanoseconds, u32 caplen, u32 wirelen` and the
 * caplen bytes. One record carries every frame one poll of libpcap returned, so the reader pays per
 * batch, not per packet. The parent writes `stop\n` on the helper's stdin to end it cleanly.
 */

export const RECORD = { control: 1, batch: 2 } as const;
/** Bytes before a record's body: length and type. */
export const RECORD_HEADER = 5;
/** Bytes before each frame's bytes in a batch. */
export const FRAME_HEADER = 16;
/** A record larger than this is a broken stream, not a big batch (batches are cut near 1 MiB). */
export const MAX_RECORD_BYTES = 16 * 1024 * 1024;

/** Counters the helper reports a few times per second, cumulative since it started. */
export interface HelperCounters {
  /** Packets libpcap handed to the helper. */
  readonly seen: number;
  /** Bytes on the wire of those packets. */
  readonly bytes: number;
  /** Packets the helper threw away because its reader fell behind (the pipe stayed full). */
  readonly helperDropped: number;
  /** The interface's own receive drops (rx_dropped + rx_missed_errors) since the helper started; null off Linux. */
  readonly interfaceDropped: number | null;
  /**
   * Packets the interface counted (rx + tx, rx only on loopback) at the previous report that the
   * helper never saw: the kernel's socket-buffer drops, estimated because `cap` exposes no
   * pcap_stats. Null with a capture filter (the filter drops packets on purpose) or off Linux.
   */
  readonly kernelDroppedEstimate: number | null;
}

export type HelperControl =
  | {
      readonly type: 'ready';
      readonly interface: string;
      /** Numeric link type (tcpdump.org/linktypes.html). */
      readonly linktype: number;
      readonly pid: number;
    }
  | ({ readonly type: 'stats' } & HelperCounters)
  | {
      readonly type: 'error';
      /** permission | no-device | bad-filter | capture-failed | bad-arguments */
      readonly code: HelperErrorCode;
      /** libpcap's own words. */
      readonly message: string;
      /** The program running the helper (what a `setcap` line must name). */
      readonly execPath: string;
    }
  /** Answer to `--check`: the filter compiled and the device opened. */
  | { readonly type: 'checked'; readonly linktype: number };

export type HelperErrorCode = 'permission' | 'no-device' | 'bad-filter' | 'capture-failed' | 'bad-arguments';

/** The helper's settings, passed as one JSON argument. */
export interface HelperConfig {
  readonly interface: string;
  /** BPF capture filter (pcap-filter(7)); empty for everything. */
  readonly filter: string;
  /** Bytes kept of each packet. */
  readonly snaplen: number;
  /**
   * Promiscuous mode. `cap` 0.2 always opens the device promiscuously; the helper reports the
   * setting but cannot turn it off (see capture-settings.ts).
   */
  readonly promiscuous: boolean;
  /** libpcap's kernel buffer in bytes. */
  readonly bufferBytes: number;
}

/** Frames one control record. */
export function encodeControl(message: HelperControl): Buffer {
  const body = Buffer.from(JSON.stringify(message), 'utf8');
  const out = Buffer.allocUnsafe(RECORD_HEADER + body.length);
  out.writeUInt32LE(body.length + 1, 0);
  out.writeUInt8(RECORD.control, 4);
  body.copy(out, RECORD_HEADER);
  return out;
}

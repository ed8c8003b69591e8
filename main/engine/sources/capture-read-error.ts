/**
 * The one error a capture reader raises for bad input: what is wrong, at which byte offset, and how
 * many frames were handed on before it, so the UI can say "analysed 1,234,567 packets, then:
 * truncated record at byte offset N: …". Anything else escaping a reader is a bug in the reader.
 */

export type CaptureReadProblem =
  /** No bytes at all (a 0-byte file, or a gzip that inflates to nothing). */
  | 'empty'
  /** The first bytes match no pcap, pcapng or gzip signature. */
  | 'unknown-format'
  /** A known format in a version this reader cannot read (pcap major version ≠ 2). */
  | 'unsupported-version'
  /** The data ends inside the pcap file header or the first pcapng block header. */
  | 'truncated-header'
  /** The data ends inside a record (pcap packet record or pcapng block). */
  | 'truncated-record'
  /** A record claims more bytes than any real capture holds (see MAX_CAPLEN / MAX_BLOCK_LENGTH). */
  | 'oversized-record'
  /** A pcapng block length that is too short, not a multiple of 4, disagrees with its trailing copy, or cannot hold its own fields. */
  | 'bad-block-length'
  /** A pcapng block length of 0, which would make a naive reader loop forever. */
  | 'zero-length-block'
  /** A pcapng packet block names an interface no Interface Description Block has declared. */
  | 'unknown-interface'
  /** Bytes where a record should start that cannot be one (an impossible timestamp, a broken byte-order magic). */
  | 'garbage'
  /** The gzip layer is corrupt or ends early. */
  | 'bad-compression'
  /** The operating system failed to read the file. */
  | 'io';

const WHAT: Record<CaptureReadProblem, string> = {
  empty: 'empty capture',
  'unknown-format': 'unknown format',
  'unsupported-version': 'unsupported format version',
  'truncated-header': 'truncated file header',
  'truncated-record': 'truncated record',
  'oversized-record': 'oversized record',
  'bad-block-length': 'bad block length',
  'zero-length-block': 'zero-length block',
  'unknown-interface': 'unknown interface',
  garbage: 'garbage instead of a record',
  'bad-compression': 'corrupt compressed data',
  io: 'read error',
};

/** Where an offset counts from: the file itself, or the inflated stream of a `.gz` capture. */
export type OffsetSpace = 'file' | 'decompressed';

export class CaptureReadError extends Error {
  override readonly name = 'CaptureReadError';

  /**
   * @param problem  machine-readable kind, for the UI to pick wording or an icon
   * @param offset   byte offset where the bad record (or block, or header) starts
   * @param framesRead  frames already handed on; none of them is affected by this problem
   * @param detail   the specifics, in a sentence a person can act on
   * @param space    whether `offset` counts in the file or in the decompressed data of a `.gz`
   */
  constructor(
    readonly problem: CaptureReadProblem,
    readonly offset: number,
    readonly framesRead: number,
    readonly detail: string,
    readonly space: OffsetSpace = 'file',
  ) {
    const where = space === 'decompressed' ? ' of the decompressed data' : '';
    super(`${WHAT[problem]} at byte offset ${offset}${where}: ${detail}`);
  }
}

/** What fills a segment or datagram: a fixed message (an HTTP request) or an endless byte stream (a file). */

export interface PayloadSource {
  /** Writes `length` bytes of the stream, starting `streamOffset` bytes into it, at bytes[at]. */
  write(bytes: Uint8Array, at: number, length: number, streamOffset: number): void;
}

const TEXT = new TextEncoder();

/** A message sent once; reading past its end is a bug in the session that sent it. */
export class MessagePayload implements PayloadSource {
  constructor(readonly message: Uint8Array) {}

  write(bytes: Uint8Array, at: number, length: number, streamOffset: number): void {
    if (streamOffset + length > this.message.length) throw new RangeError('segment runs past the end of its message');
    bytes.set(this.message.subarray(streamOffset, streamOffset + length), at);
  }
}

/**
 * A file's contents: a seeded block of CSV rows, repeated. Text rather than random bytes, because
 * Wireshark's heuristic dissectors (Thrift, for one) now and then claim a random segment as theirs
 * and report it malformed.
 */
export class FilePayload implements PayloadSource {
  readonly #block: Uint8Array;

  constructor(random: () => number, blockSize = 65_536) {
    this.#block = new Uint8Array(blockSize * 2);
    const rows: string[] = [];
    let length = 0;
    for (let n = 0; length < blockSize; n++) {
      const row =
        `2025-06-${String(1 + Math.floor(random() * 28)).padStart(2, '0')},INV-${100_000 + n},` +
        `${Math.floor(random() * 9000) + 1000},${(random() * 10_000).toFixed(2)},EUR\n`;
      rows.push(row);
      length += row.length;
    }
    this.#block.set(TEXT.encode(rows.join('')).subarray(0, blockSize));
    // The block twice over, so any window of up to blockSize bytes is one copy.
    this.#block.copyWithin(blockSize, 0, blockSize);
  }

  write(bytes: Uint8Array, at: number, length: number, streamOffset: number): void {
    const half = this.#block.length / 2;
    if (length > half) throw new RangeError('segment larger than the payload block');
    const from = streamOffset % half;
    bytes.set(this.#block.subarray(from, from + length), at);
  }
}

export function ascii(text: string): Uint8Array {
  return TEXT.encode(text);
}

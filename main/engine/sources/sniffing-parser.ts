/**
 * A CaptureParser for a stream of unknown format: it collects the first SNIFF_BYTES, recognises
 * the format by its magic bytes (never a file name), then hands everything to the PcapParser or
 * PcapngParser. Used for plain files and for the inflated stream of a `.gz` capture alike.
 */
import type { CaptureFormat } from '../../../preload/api/analysis';
import type { CaptureParser } from './capture-parser';
import { CaptureReadError, type OffsetSpace } from './capture-read-error';
import type { ParserOptions } from './chunked-parser';
import type { FrameBatch } from './frame-batch';
import { hexPreview, SNIFF_BYTES, sniffFormat } from './magic';
import { PcapParser } from './pcap-parser';
import { PcapngParser } from './pcapng-parser';

export class SniffingParser implements CaptureParser {
  /** The recognised format, once known. */
  format: CaptureFormat | undefined;
  /** The format parser, once the format is known (for its statistics). */
  inner: PcapParser | PcapngParser | undefined;
  private readonly space: OffsetSpace;
  private readonly head = new Uint8Array(SNIFF_BYTES);
  private headLength = 0;
  private own: CaptureReadError | undefined;

  constructor(private readonly options: ParserOptions = {}) {
    this.space = options.space ?? 'file';
  }

  get problem(): CaptureReadError | undefined {
    return this.own ?? this.inner?.problem;
  }

  get framesRead(): number {
    return this.inner?.framesRead ?? 0;
  }

  push(chunk: Uint8Array): FrameBatch[] {
    if (this.inner !== undefined) return this.inner.push(chunk);
    if (this.own !== undefined) return [];
    if (this.headLength === 0 && chunk.length >= SNIFF_BYTES) return this.start(chunk, chunk);
    // A tiny first chunk: gather the head first, then replay it and the rest of this chunk.
    const take = Math.min(SNIFF_BYTES - this.headLength, chunk.length);
    this.head.set(chunk.subarray(0, take), this.headLength);
    this.headLength += take;
    if (this.headLength < SNIFF_BYTES) return [];
    const batches = this.start(this.head.slice(), this.head);
    const rest = chunk.subarray(take);
    return rest.length === 0 ? batches : [...batches, ...this.push(rest)];
  }

  end(): CaptureReadError | undefined {
    if (this.inner === undefined && this.own === undefined) {
      const head = this.head.subarray(0, this.headLength);
      // Fewer bytes than a full sniff: a pcap magic needs only 4 of them.
      if (sniffFormat(head) === undefined) this.own = diagnoseHead(head, this.space);
      else this.start(head.slice(), head);
    }
    return this.own ?? this.inner?.end();
  }

  private start(first: Uint8Array, head: Uint8Array): FrameBatch[] {
    const sniffed = sniffFormat(head);
    if (sniffed === undefined || sniffed.format === 'gzip') {
      this.own = diagnoseHead(head, this.space);
      return [];
    }
    this.format = sniffed.format;
    this.inner = sniffed.format === 'pcapng' ? new PcapngParser(this.options) : new PcapParser(this.options);
    return this.inner.push(first);
  }
}

/** Every signature's leading bytes; a head that is a prefix of one is a cut-short capture. */
const SIGNATURES = [
  [0xa1, 0xb2, 0xc3, 0xd4],
  [0xd4, 0xc3, 0xb2, 0xa1],
  [0xa1, 0xb2, 0x3c, 0x4d],
  [0x4d, 0x3c, 0xb2, 0xa1],
  [0x0a, 0x0d, 0x0d, 0x0a],
  [0x1f, 0x8b],
];

/** The error for a head that is no capture: too short to tell ('truncated-header'), or foreign. */
export function diagnoseHead(head: Uint8Array, space: OffsetSpace = 'file'): CaptureReadError {
  if (head.length === 0) return new CaptureReadError('empty', 0, 0, 'there are no bytes to read', space);
  if (head.length < SNIFF_BYTES && isSignaturePrefix(head)) {
    return new CaptureReadError(
      'truncated-header',
      0,
      0,
      `the data ends after ${head.length} bytes (${hexPreview(head, SNIFF_BYTES)}), before the file header is complete`,
      space,
    );
  }
  const nested = head[0] === 0x1f && head[1] === 0x8b;
  return new CaptureReadError(
    'unknown-format',
    0,
    0,
    nested
      ? 'the decompressed data is itself gzip-compressed; decompress it once first'
      : `the data starts with ${hexPreview(head)}, not a pcap, pcapng or gzip signature`,
    space,
  );
}

function isSignaturePrefix(head: Uint8Array): boolean {
  return SIGNATURES.some((signature) => head.every((byte, i) => i >= signature.length || signature[i] === byte));
}

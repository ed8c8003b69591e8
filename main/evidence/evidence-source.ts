/**
 * Where evidence packets are read from. A file alert's packets are re-read from its capture; a
 * live alert's come from the bounded ring of recent packets the live capture keeps. Both yield the
 * engine's FrameBatch, so the evidence writer does not care which.
 *
 * For live capture: implement EvidenceSource over the ring (batches of the frames it holds whose
 * time overlaps the window, copied or valid until the next batch is asked for) and register it
 * with `EvidenceService.registerLiveSource(interfaceName, source)`.
 */
import type { FrameBatch } from '../engine/sources/frame-batch';
import { openCapture } from '../engine/sources/open-capture';

export interface EvidenceWindow {
  /** Inclusive bounds in microseconds since the epoch; a source may yield frames outside them. */
  readonly fromMicros: number;
  readonly toMicros: number;
}

export interface EvidenceSource {
  /** For messages: "demo.pcap", "the last 60 s on eth0". */
  readonly description: string;
  /**
   * Frames that may lie in the window, in capture order. Each batch need stay valid only until
   * the next is requested (a ring in memory may return a plain array). Throws (a CaptureReadError
   * for files) when the packets cannot be read.
   */
  frames(window: EvidenceWindow, signal?: AbortSignal): AsyncIterable<FrameBatch> | Iterable<FrameBatch>;
}

/** A capture file, read again from the start with the engine's reader. */
export class CaptureFileEvidence implements EvidenceSource {
  constructor(readonly path: string) {}

  get description(): string {
    return this.path;
  }

  async *frames(_window: EvidenceWindow, signal?: AbortSignal): AsyncIterable<FrameBatch> {
    // A file has no index by time: the whole capture is read, with reused buffers (each batch is
    // finished before the next), which the reader does at several hundred MB/s.
    const source = await openCapture(this.path, { reuseBuffers: true, ...(signal === undefined ? {} : { signal }) });
    yield* source.batches();
  }
}

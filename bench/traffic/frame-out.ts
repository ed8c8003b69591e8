/**
 * Where sessions write frames: straight into the capture writer's chunk, so a generated packet is
 * built in place once and never copied or allocated on its own.
 */
export interface FrameOut {
  /**
   * Starts a frame of `length` bytes captured at `timeNs` (nanoseconds since the capture's start;
   * never earlier than the previous frame). Returns where the frame's bytes go in `bytes`; they are
   * zeroed, so padding and unused fields need no writing.
   */
  begin(timeNs: number, length: number): number;
  /** The buffer the last `begin` points into (it changes between chunks). */
  readonly bytes: Uint8Array;
}

/** Why a flow record was closed. */
export const CLOSE_REASONS = [
  /** TCP FIN seen from both sides, and the final ACK (or the idle timeout after both FINs). */
  'fin',
  /** TCP RST from either side. */
  'rst',
  /** No packet for the idle timeout. */
  'idle',
  /** The flow ran for the active timeout; its later packets continue in a new record. */
  'active-timeout',
  /** The table was full and this was the least recently seen flow. */
  'evicted',
  /** Input ended (flush) with the flow still open. */
  'end-of-input',
] as const;

export type CloseReason = (typeof CLOSE_REASONS)[number];

/**
 * Where each per-flow number lives in the flow store's Float64Array. A flow is one row of
 * ROW_SLOTS consecutive doubles (about 0.65 KB), so updating a flow touches a few adjacent cache lines
 * and allocates nothing; closing it reads the row into a FlowRecord once.
 *
 * The two directions share one layout (DIR), at ROW.FWD and ROW.BWD, so one code path updates either.
 */
import { KEY_WORDS } from './flow-key';
import { STAT_SLOTS } from './running-stats';

/** Slots of one direction's block, relative to its start. */
export const DIR = {
  BYTES: 0,
  PAYLOAD_BYTES: 1,
  HEADER_BYTES: 2,
  DATA_PACKETS: 3,
  PSH: 4,
  URG: 5,
  /** TCP window of this direction's first packet; -1 until one is seen (CICFlowMeter's convention). */
  INIT_WINDOW: 6,
  /** Timestamp of this direction's last packet, for its inter-arrival times. */
  LAST_TS: 7,
  /** Running stats (running-stats.ts) of IP packet lengths; its count is the direction's packets. */
  LEN: 8,
  /** Running stats of the gaps between this direction's consecutive packets. */
  IAT: 8 + STAT_SLOTS,
} as const;
const DIR_SLOTS = 8 + 2 * STAT_SLOTS;

/** Flag counters in TCP_FLAG bit order (FIN, SYN, RST, PSH, ACK, URG, ECE, CWR). */
export const FLAG_COUNTERS = 8;

/** Key plus the single numbers of ROW below (ID … ACTIVE_END). */
const HEADER_SLOTS = KEY_WORDS + 7;

/**
 * Slots of a flow's row. Timestamps are seconds relative to the table's time base. What every
 * packet touches comes first and the two direction blocks follow, so a packet reads one contiguous
 * stretch of the row; the active/idle statistics, updated only after long gaps, go last.
 */
export const ROW = {
  /**
   * The flow key (flow-key.ts), initiator first, as doubles (exact for 32-bit words). Keeping it in
   * the row means a lookup's key check loads the very cache lines the update then uses: one
   * dependent memory miss per packet instead of two (measured in measure-flow-table.ts).
   */
  KEY: 0,
  ID: KEY_WORDS,
  FIRST_TS: KEY_WORDS + 1,
  LAST_TS: KEY_WORDS + 2,
  /** Packets both ways: kept here (not only in the directions' blocks) so a packet reads one block. */
  PACKETS: KEY_WORDS + 3,
  /** Bit set of TCP_STATE below. */
  TCP_STATE: KEY_WORDS + 4,
  /** Start and end of the current active period (CICFlowMeter's startActiveTime / endActiveTime). */
  ACTIVE_START: KEY_WORDS + 5,
  ACTIVE_END: KEY_WORDS + 6,
  FLAGS: HEADER_SLOTS,
  IAT: HEADER_SLOTS + FLAG_COUNTERS,
  FWD: HEADER_SLOTS + FLAG_COUNTERS + STAT_SLOTS,
  BWD: HEADER_SLOTS + FLAG_COUNTERS + STAT_SLOTS + DIR_SLOTS,
  ACTIVE: HEADER_SLOTS + FLAG_COUNTERS + STAT_SLOTS + 2 * DIR_SLOTS,
  IDLE: HEADER_SLOTS + FLAG_COUNTERS + 2 * STAT_SLOTS + 2 * DIR_SLOTS,
} as const;
export const ROW_SLOTS = ROW.IDLE + STAT_SLOTS;

/** TCP_STATE bits: a FIN seen from each side, and which side's FIN came second. */
export const TCP_STATE = { FIN_FWD: 1, FIN_BWD: 2, LAST_FIN_BWD: 4 } as const;

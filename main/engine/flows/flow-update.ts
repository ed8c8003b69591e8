/**
 * The per-packet feature update: O(1), allocation-free, writing only into the flow's row of the
 * store (flow-layout.ts). Kept apart from the table so the arithmetic can be read (and tested
 * through the table) without the hashing and bookkeeping around it.
 */
import { IPPROTO, LAYER, TCP_FLAG, type Packet } from '../decode/packet';
import { DIR, FLAG_COUNTERS, ROW, ROW_SLOTS, TCP_STATE } from './flow-layout';
import { addStat, clearStats } from './running-stats';

/** The ACK counter's place among the flag counters: TCP_FLAG.ACK is bit 4. */
const ACK_COUNTER = 4;

/** What the packet did to the flow's TCP life, for the table to act on. */
export const TCP_OUTCOME = { OPEN: 0, RST: 1, FIN_DONE: 2 } as const;

/** Starts a flow at `row`: zeroes all but its key, sets its id and first timestamp. */
export function openFlow(rows: Float64Array, row: number, id: number, ts: number): void {
  rows.fill(0, row + ROW.ID, row + ROW_SLOTS);
  rows[row + ROW.ID] = id;
  rows[row + ROW.FIRST_TS] = ts;
  rows[row + ROW.LAST_TS] = ts;
  rows[row + ROW.ACTIVE_START] = ts;
  rows[row + ROW.ACTIVE_END] = ts;
  clearStats(rows, row + ROW.IAT);
  clearStats(rows, row + ROW.ACTIVE);
  clearStats(rows, row + ROW.IDLE);
  clearDirection(rows, row + ROW.FWD);
  clearDirection(rows, row + ROW.BWD);
}

function clearDirection(rows: Float64Array, dir: number): void {
  rows[dir + DIR.INIT_WINDOW] = -1;
  clearStats(rows, dir + DIR.LEN);
  clearStats(rows, dir + DIR.IAT);
}

/**
 * Adds `packet`, stamped `ts` (seconds from the table's time base), to the flow at `row`, in the
 * backward direction when `backward`. Returns a TCP_OUTCOME: RST when the packet carries RST,
 * FIN_DONE when it is the first ACK (without FIN) from the peer of the side whose FIN came second,
 * i.e. the final ACK of the close (RFC 9293 §3.6); OPEN otherwise.
 */
export function updateFlow(
  rows: Float64Array,
  row: number,
  packet: Packet,
  ts: number,
  backward: boolean,
  activityThreshold: number,
): number {
  const dir = row + (backward ? ROW.BWD : ROW.FWD);
  const last = rows[row + ROW.LAST_TS] ?? 0;
  const packetsBefore = rows[row + ROW.PACKETS] ?? 0;
  rows[row + ROW.PACKETS] = packetsBefore + 1;

  // Timing. A packet stamped before the previous one counts a 0 gap and does not move LAST_TS back.
  if (packetsBefore > 0) {
    addStat(rows, row + ROW.IAT, ts > last ? ts - last : 0);
    if (ts > last) rows[row + ROW.LAST_TS] = ts;
    updateActivity(rows, row, ts, activityThreshold);
  }
  const dirPackets = rows[dir + DIR.LEN] ?? 0;
  if (dirPackets > 0) {
    const dirLast = rows[dir + DIR.LAST_TS] ?? 0;
    addStat(rows, dir + DIR.IAT, ts > dirLast ? ts - dirLast : 0);
    if (ts > dirLast) rows[dir + DIR.LAST_TS] = ts;
  } else {
    rows[dir + DIR.LAST_TS] = ts;
  }

  // Sizes.
  const length = packet.ipLength;
  const payload = payloadBytes(packet);
  addStat(rows, dir + DIR.LEN, length);
  rows[dir + DIR.BYTES] = (rows[dir + DIR.BYTES] ?? 0) + length;
  rows[dir + DIR.PAYLOAD_BYTES] = (rows[dir + DIR.PAYLOAD_BYTES] ?? 0) + payload;
  rows[dir + DIR.HEADER_BYTES] = (rows[dir + DIR.HEADER_BYTES] ?? 0) + (length > payload ? length - payload : 0);
  if (payload > 0) rows[dir + DIR.DATA_PACKETS] = (rows[dir + DIR.DATA_PACKETS] ?? 0) + 1;

  if (packet.protocol !== IPPROTO.TCP || packet.depth < LAYER.TRANSPORT) return TCP_OUTCOME.OPEN;
  if (dirPackets === 0) rows[dir + DIR.INIT_WINDOW] = packet.tcpWindow;
  const flags = packet.tcpFlags;
  if (flags === 0) return TCP_OUTCOME.OPEN;
  const counters = row + ROW.FLAGS;
  if (flags === TCP_FLAG.ACK) {
    // A bare ACK, most of any TCP flow: one counter, no loop, no close to consider.
    rows[counters + ACK_COUNTER] = (rows[counters + ACK_COUNTER] ?? 0) + 1;
    return (rows[row + ROW.TCP_STATE] ?? 0) === 0 ? TCP_OUTCOME.OPEN : updateTcpClose(rows, row, flags, backward);
  }
  for (let bit = 0; bit < FLAG_COUNTERS; bit++) {
    if ((flags & (1 << bit)) !== 0) rows[counters + bit] = (rows[counters + bit] ?? 0) + 1;
  }
  if ((flags & TCP_FLAG.PSH) !== 0) rows[dir + DIR.PSH] = (rows[dir + DIR.PSH] ?? 0) + 1;
  if ((flags & TCP_FLAG.URG) !== 0) rows[dir + DIR.URG] = (rows[dir + DIR.URG] ?? 0) + 1;
  if ((flags & TCP_FLAG.RST) !== 0) return TCP_OUTCOME.RST;
  return updateTcpClose(rows, row, flags, backward);
}

/** Ends the last active period when the flow closes (CICFlowMeter's endActiveIdleTime). */
export function finishFlow(rows: Float64Array, row: number): void {
  const active = (rows[row + ROW.ACTIVE_END] ?? 0) - (rows[row + ROW.ACTIVE_START] ?? 0);
  if (active > 0) addStat(rows, row + ROW.ACTIVE, active);
}

/**
 * Active/idle periods as CICFlowMeter's updateActiveIdleTime: a gap above the threshold closes the
 * current active period (counted if longer than 0) and counts as an idle period.
 */
function updateActivity(rows: Float64Array, row: number, ts: number, threshold: number): void {
  const end = rows[row + ROW.ACTIVE_END] ?? 0;
  if (ts - end > threshold) {
    const active = end - (rows[row + ROW.ACTIVE_START] ?? 0);
    if (active > 0) addStat(rows, row + ROW.ACTIVE, active);
    addStat(rows, row + ROW.IDLE, ts - end);
    rows[row + ROW.ACTIVE_START] = ts;
    rows[row + ROW.ACTIVE_END] = ts;
  } else if (ts > end) {
    rows[row + ROW.ACTIVE_END] = ts;
  }
}

/**
 * FIN bookkeeping. Closing on the second FIN itself (as CICFlowMeter does) leaves the final ACK to
 * start a one-packet flow of its own, an artefact Engelen et al. report in CIC-IDS2017
 * ("Troubleshooting an Intrusion Detection Dataset: the CICIDS2017 Case Study", IEEE SPW 2021);
 * waiting for that ACK keeps the whole close in one record.
 */
function updateTcpClose(rows: Float64Array, row: number, flags: number, backward: boolean): number {
  let state = rows[row + ROW.TCP_STATE] ?? 0;
  const bothFins = TCP_STATE.FIN_FWD | TCP_STATE.FIN_BWD;
  if ((flags & TCP_FLAG.FIN) !== 0) {
    const before = state;
    state |= backward ? TCP_STATE.FIN_BWD : TCP_STATE.FIN_FWD;
    if ((before & bothFins) !== bothFins && (state & bothFins) === bothFins && backward) {
      state |= TCP_STATE.LAST_FIN_BWD;
    }
    rows[row + ROW.TCP_STATE] = state;
    return TCP_OUTCOME.OPEN;
  }
  if ((state & bothFins) !== bothFins || (flags & TCP_FLAG.ACK) === 0) return TCP_OUTCOME.OPEN;
  // The final ACK comes from the side that did not send the second FIN.
  const lastFinBackward = (state & TCP_STATE.LAST_FIN_BWD) !== 0;
  return backward !== lastFinBackward ? TCP_OUTCOME.FIN_DONE : TCP_OUTCOME.OPEN;
}

/** Whether both sides' FINs were seen: a flow that then goes idle closed by FIN, not by silence. */
export function sawBothFins(rows: Float64Array, row: number): boolean {
  const both = TCP_STATE.FIN_FWD | TCP_STATE.FIN_BWD;
  return ((rows[row + ROW.TCP_STATE] ?? 0) & both) === both;
}

/** Minimum transport header per protocol, to estimate the payload of a packet the capture cut short. */
function minimumTransportHeader(protocol: number): number {
  if (protocol === IPPROTO.TCP) return 20; // RFC 9293 §3.1
  if (protocol === IPPROTO.UDP) return 8; // RFC 768
  if (protocol === IPPROTO.ICMP || protocol === IPPROTO.ICMPV6) return 4; // RFC 792, RFC 4443 §2.1
  return 0;
}

/**
 * Transport payload bytes on the wire. The decoder's payloadLength is what was captured; when the
 * snap length cut the IP packet, the wire payload is estimated from the IP length instead.
 */
function payloadBytes(packet: Packet): number {
  if (!packet.ipTruncated) return packet.payloadLength;
  // Only a first fragment (offset 0) carries the transport header.
  const transportHeader = packet.fragmentOffset === 0 ? minimumTransportHeader(packet.protocol) : 0;
  const estimate = packet.ipLength - packet.ipHeaderLength - transportHeader;
  return estimate > packet.payloadLength ? estimate : packet.payloadLength;
}

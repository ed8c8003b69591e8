/** The few fields of a flow record the window's flow table shows. */
import type { FlowRow } from '../../../preload/api/analysis';
import type { FlowRecord } from '../flows/flow-record';

const PROTOCOL_NAMES: Readonly<Record<number, string>> = { 1: 'ICMP', 6: 'TCP', 17: 'UDP', 58: 'ICMPv6' };

export function protocolName(protocol: number): string {
  return PROTOCOL_NAMES[protocol] ?? `IP ${protocol}`;
}

export function toFlowRow(flow: FlowRecord): FlowRow {
  return {
    id: flow.flow_id,
    protocol: protocolName(flow.protocol),
    src: flow.src,
    srcPort: flow.src_port,
    dst: flow.dst,
    dstPort: flow.dst_port,
    firstSeen: flow.first_seen,
    lastSeen: flow.last_seen,
    packets: flow.packets,
    bytes: flow.fwd_bytes + flow.bwd_bytes,
    fwdPackets: flow.fwd_packets,
    bwdPackets: flow.bwd_packets,
    fwdBytes: flow.fwd_bytes,
    bwdBytes: flow.bwd_bytes,
    closeReason: flow.close_reason,
  };
}

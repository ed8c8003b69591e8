/**
 * Every column of a flow record, in order, with its definition and unit: the one table that the
 * CSV header (flow-csv.ts) and FlowRecord's type (flow-record.ts) come from, and that FEATURES.md
 * mirrors for readers (features-doc.spec.ts keeps the two in step).
 *
 * Conventions: "forward" (fwd) is the direction of the flow's first packet, whose source is `src`;
 * "backward" (bwd) is the reply direction. A packet's length is its IP length as the IP header says
 * (IPv4 total length, IPv6 payload length + 40), which is what NetFlow counts; CICFlowMeter's
 * "packet length" features count the transport payload instead (our *_payload_bytes). Standard
 * deviations are sample deviations (n − 1), as CICFlowMeter reports them; a statistic over no values
 * is 0. Inter-arrival times (IAT) are gaps between consecutive packets, never negative (a packet
 * stamped earlier than the one before counts a 0 gap).
 */

/** One column: its name (CSV header, FlowRecord field), what it means, and its unit. */
export interface FlowColumn {
  readonly name: string;
  readonly definition: string;
  readonly unit: string;
}

/** Who and when: the flow's identity, as text and numbers. */
export const FLOW_IDENTITY_COLUMNS = [
  { name: 'flow_id', definition: 'Record id, increasing from 1 within one analysis', unit: 'id' },
  { name: 'ip_version', definition: 'IP version: 4 or 6', unit: 'version' },
  { name: 'protocol', definition: 'IP protocol number (6 TCP, 17 UDP, 1 ICMP, 58 ICMPv6, …)', unit: 'number' },
  { name: 'src', definition: 'Initiator address (source of the first packet); IPv6 as RFC 5952 text', unit: 'address' },
  { name: 'src_port', definition: 'Initiator port; 0 for protocols without ports', unit: 'port' },
  { name: 'dst', definition: 'Responder address', unit: 'address' },
  { name: 'dst_port', definition: 'Responder port; 0 for protocols without ports', unit: 'port' },
  { name: 'first_seen', definition: "Timestamp of the record's first packet", unit: 'epoch s' },
  { name: 'last_seen', definition: "Timestamp of the record's last packet", unit: 'epoch s' },
  {
    name: 'close_reason',
    definition: 'Why the record closed: fin, rst, idle, active-timeout, evicted, end-of-input',
    unit: 'text',
  },
] as const satisfies readonly FlowColumn[];

/** What happened: the numeric features, updated in O(1) per packet. */
export const FLOW_FEATURES = [
  { name: 'duration', definition: 'last_seen − first_seen', unit: 's' },
  { name: 'packets', definition: 'Packets in both directions', unit: 'packets' },
  { name: 'fwd_packets', definition: 'Packets from src to dst', unit: 'packets' },
  { name: 'bwd_packets', definition: 'Packets from dst to src', unit: 'packets' },
  { name: 'bytes', definition: 'Sum of IP lengths, both directions', unit: 'bytes' },
  { name: 'fwd_bytes', definition: 'Sum of IP lengths, forward', unit: 'bytes' },
  { name: 'bwd_bytes', definition: 'Sum of IP lengths, backward', unit: 'bytes' },
  {
    name: 'fwd_payload_bytes',
    definition:
      'Sum of transport payload lengths, forward (the IP payload for protocols without a decoded header; when the capture cut the packet, IP length minus IP header minus the minimum transport header)',
    unit: 'bytes',
  },
  { name: 'bwd_payload_bytes', definition: 'Sum of transport payload lengths, backward', unit: 'bytes' },
  {
    name: 'fwd_header_bytes',
    definition: 'Sum of IP + transport header lengths (IP length − payload), forward',
    unit: 'bytes',
  },
  { name: 'bwd_header_bytes', definition: 'Sum of IP + transport header lengths, backward', unit: 'bytes' },
  { name: 'fwd_data_packets', definition: 'Forward packets with at least one payload byte', unit: 'packets' },
  { name: 'bwd_data_packets', definition: 'Backward packets with at least one payload byte', unit: 'packets' },
  { name: 'len_min', definition: 'Smallest IP length, both directions', unit: 'bytes' },
  { name: 'len_max', definition: 'Largest IP length, both directions', unit: 'bytes' },
  { name: 'len_mean', definition: 'Mean IP length, both directions', unit: 'bytes' },
  { name: 'len_std', definition: 'Standard deviation of IP length, both directions', unit: 'bytes' },
  { name: 'fwd_len_min', definition: 'Smallest IP length, forward', unit: 'bytes' },
  { name: 'fwd_len_max', definition: 'Largest IP length, forward', unit: 'bytes' },
  { name: 'fwd_len_mean', definition: 'Mean IP length, forward', unit: 'bytes' },
  { name: 'fwd_len_std', definition: 'Standard deviation of IP length, forward', unit: 'bytes' },
  { name: 'bwd_len_min', definition: 'Smallest IP length, backward', unit: 'bytes' },
  { name: 'bwd_len_max', definition: 'Largest IP length, backward', unit: 'bytes' },
  { name: 'bwd_len_mean', definition: 'Mean IP length, backward', unit: 'bytes' },
  { name: 'bwd_len_std', definition: 'Standard deviation of IP length, backward', unit: 'bytes' },
  { name: 'iat_min', definition: 'Smallest gap between consecutive packets of the flow', unit: 's' },
  { name: 'iat_max', definition: 'Largest gap between consecutive packets of the flow', unit: 's' },
  { name: 'iat_mean', definition: 'Mean gap between consecutive packets of the flow', unit: 's' },
  { name: 'iat_std', definition: 'Standard deviation of gaps between consecutive packets of the flow', unit: 's' },
  { name: 'fwd_iat_min', definition: 'Smallest gap between consecutive forward packets', unit: 's' },
  { name: 'fwd_iat_max', definition: 'Largest gap between consecutive forward packets', unit: 's' },
  { name: 'fwd_iat_mean', definition: 'Mean gap between consecutive forward packets', unit: 's' },
  { name: 'fwd_iat_std', definition: 'Standard deviation of gaps between consecutive forward packets', unit: 's' },
  { name: 'bwd_iat_min', definition: 'Smallest gap between consecutive backward packets', unit: 's' },
  { name: 'bwd_iat_max', definition: 'Largest gap between consecutive backward packets', unit: 's' },
  { name: 'bwd_iat_mean', definition: 'Mean gap between consecutive backward packets', unit: 's' },
  { name: 'bwd_iat_std', definition: 'Standard deviation of gaps between consecutive backward packets', unit: 's' },
  { name: 'fin_count', definition: 'TCP packets with FIN set, both directions', unit: 'packets' },
  { name: 'syn_count', definition: 'TCP packets with SYN set, both directions', unit: 'packets' },
  { name: 'rst_count', definition: 'TCP packets with RST set, both directions', unit: 'packets' },
  { name: 'psh_count', definition: 'TCP packets with PSH set, both directions', unit: 'packets' },
  { name: 'ack_count', definition: 'TCP packets with ACK set, both directions', unit: 'packets' },
  { name: 'urg_count', definition: 'TCP packets with URG set, both directions', unit: 'packets' },
  { name: 'ece_count', definition: 'TCP packets with ECE set (RFC 3168), both directions', unit: 'packets' },
  { name: 'cwr_count', definition: 'TCP packets with CWR set (RFC 3168), both directions', unit: 'packets' },
  { name: 'fwd_psh_count', definition: 'Forward TCP packets with PSH set', unit: 'packets' },
  { name: 'bwd_psh_count', definition: 'Backward TCP packets with PSH set', unit: 'packets' },
  { name: 'fwd_urg_count', definition: 'Forward TCP packets with URG set', unit: 'packets' },
  { name: 'bwd_urg_count', definition: 'Backward TCP packets with URG set', unit: 'packets' },
  {
    name: 'fwd_init_window',
    definition: 'TCP window field of the first forward packet, unscaled; -1 if none (not TCP)',
    unit: 'bytes',
  },
  {
    name: 'bwd_init_window',
    definition: 'TCP window field of the first backward packet, unscaled; -1 if none (no reply, or not TCP)',
    unit: 'bytes',
  },
  { name: 'bytes_per_second', definition: 'bytes / duration; 0 when duration is 0', unit: 'bytes/s' },
  { name: 'packets_per_second', definition: 'packets / duration; 0 when duration is 0', unit: 'packets/s' },
  { name: 'fwd_packets_per_second', definition: 'fwd_packets / duration; 0 when duration is 0', unit: 'packets/s' },
  { name: 'bwd_packets_per_second', definition: 'bwd_packets / duration; 0 when duration is 0', unit: 'packets/s' },
  { name: 'down_up_ratio', definition: 'bwd_packets / fwd_packets', unit: 'ratio' },
  {
    name: 'active_min',
    definition:
      'Shortest active period: a run of packets with no gap above the activity threshold (default 5 s, as CICFlowMeter); periods of length 0 are not counted',
    unit: 's',
  },
  { name: 'active_max', definition: 'Longest active period', unit: 's' },
  { name: 'active_mean', definition: 'Mean active period', unit: 's' },
  { name: 'active_std', definition: 'Standard deviation of active periods', unit: 's' },
  { name: 'idle_min', definition: 'Shortest idle period: a gap above the activity threshold', unit: 's' },
  { name: 'idle_max', definition: 'Longest idle period', unit: 's' },
  { name: 'idle_mean', definition: 'Mean idle period', unit: 's' },
  { name: 'idle_std', definition: 'Standard deviation of idle periods', unit: 's' },
] as const satisfies readonly FlowColumn[];

/** All columns in CSV order: identity, then features. */
export const FLOW_COLUMNS: readonly FlowColumn[] = [...FLOW_IDENTITY_COLUMNS, ...FLOW_FEATURES];

export type FlowFeatureName = (typeof FLOW_FEATURES)[number]['name'];
export type FlowIdentityName = (typeof FLOW_IDENTITY_COLUMNS)[number]['name'];

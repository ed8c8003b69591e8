/** The kinds and severities of alerts: a leaf module, so the alert and suppression schemas can both import it. */
export const ALERT_KINDS = [
  'port_scan',
  'host_sweep',
  'syn_flood',
  'udp_flood',
  'icmp_flood',
  'tcp_flag_flood',
  'brute_force',
  'slow_dos',
  'dns_tunnel',
  'arp_spoof',
  'traffic_spike',
  'first_seen',
  'malformed',
  'anomaly',
] as const;
export type AlertKind = (typeof ALERT_KINDS)[number];

export const SEVERITIES = ['low', 'medium', 'high', 'critical'] as const;
export type Severity = (typeof SEVERITIES)[number];

/** What to do about each kind of alert, for session reports: first steps a network operator takes. */
import type { AlertKind } from '../../preload/api/alerts';

const RECOMMENDATIONS: Readonly<Partial<Record<AlertKind, string>>> = {
  port_scan:
    'Find out who owns the scanning host; if it is not an authorised scanner, block it at the perimeter and check the probed hosts for exposed services you did not mean to offer.',
  host_sweep:
    'A sweep maps live hosts before an attack: identify the sweeping host, block it if unauthorised, and watch its targets for follow-up scans or logins.',
  syn_flood:
    'Turn on SYN cookies on the target, rate-limit SYNs at the edge, and ask your upstream provider to filter if the sources are spoofed.',
  udp_flood:
    'Rate-limit or drop the flooded UDP port at the edge and check whether the target runs an amplifiable service (DNS, NTP, memcached).',
  icmp_flood: 'Rate-limit ICMP echo at the edge; keep the ICMP types path MTU discovery needs (type 3 code 4).',
  tcp_flag_flood:
    'Drop packets with invalid flag combinations at the firewall and check the target for crashes or resets.',
  brute_force:
    'Lock or rate-limit the attacked login, require keys or a second factor, block the source, and check the target’s logs for a successful login from it.',
  slow_dos:
    'Lower header and body timeouts on the web server, cap connections per client, and put a reverse proxy in front.',
  dns_tunnel:
    'Inspect the clients making the queries for malware, block the tunnelling domain at the resolver, and force DNS through your resolver only.',
  arp_spoof:
    'Find the port the spoofing MAC sits on, enable dynamic ARP inspection or static entries for gateways, and assume traffic through it was read.',
  traffic_spike:
    'Check whether the spike matches a known job (backup, update); if not, find the top talkers behind it.',
  first_seen: 'Confirm the new host or service is expected; add it to the inventory or isolate it.',
  malformed:
    'Malformed packets suggest fuzzing or evasion: look at their source and whether the targets’ services stayed up.',
  anomaly:
    'Traffic unlike the learned baseline: review the flows behind the alert and retrain the baseline if the change is legitimate.',
};

/** The advice for a kind; a kind added later without its own advice gets the general first step. */
export function recommendation(kind: AlertKind): string {
  return RECOMMENDATIONS[kind] ?? 'Review the flows and evidence behind these alerts and the hosts involved.';
}

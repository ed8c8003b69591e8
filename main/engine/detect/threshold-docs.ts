/**
 * The unit and the reasoning of every rule threshold, for people choosing a value (Settings, `wirewatch thresholds`).
 * Each reason is the short form of the comment beside the default in the rule's own file, which cites its sources;
 * threshold-docs.spec.ts checks that every threshold of the rule catalogue has an entry here and nothing else does.
 * Keys are `rule.path`; `*` stands for any one path part (brute_force's per-port service tables).
 */

export interface ThresholdDoc {
  /** What the number counts ("s", "ports", "packets/s"); empty for text and switches. */
  readonly unit: string;
  readonly reason: string;
}

const MEMORY =
  'A memory bound: the least recently used entries are forgotten beyond it, so a flood of spoofed addresses cannot exhaust memory.';
const FLOOD_WINDOW =
  'Long enough to average out bursts (a page load, a DNS burst), short enough to report a flood within seconds.';
const FLOOD_COOLDOWN = 'One report a minute while the flood lasts; the incident book grows one alert meanwhile.';
const FLOOD_SOURCES =
  'Distinct sources kept per target; beyond it the flood counts as coming from many (spoofed) sources.';

const doc = (unit: string, reason: string): ThresholdDoc => ({ unit, reason });

export const THRESHOLD_DOCS: Readonly<Record<string, ThresholdDoc>> = {
  'port_scan.fastWindowSeconds': doc(
    's',
    "Short window: Snort portscan2's 60 s timeout; sfPortscan's low sensitivity uses 60 s too.",
  ),
  'port_scan.fastPorts': doc(
    'ports',
    "Distinct unanswered ports per source→target in the short window: Snort portscan2's port_limit 20. nmap's default scan passes 20 ports in under a second (-T2 in 8 s).",
  ),
  'port_scan.slowWindowSeconds': doc(
    's',
    'Long window for slow scans: nmap -T1 (one probe per 15 s) sends 240 probes an hour.',
  ),
  'port_scan.slowPorts': doc(
    'ports',
    'Distinct unanswered ports per source→target in the long window: nmap -T1 passes 30 in 7.5 minutes; a client of ordinary services stays far below 30 unanswered ports on one host in an hour.',
  ),
  'port_scan.cooldownSeconds': doc('s', 'A running scan reports once a minute; the incident book grows one alert.'),
  'port_scan.maxPairs': doc('pairs', MEMORY),
  'port_scan.maxPortsPerPair': doc(
    'ports',
    'Ports kept per pair and window: 20× the fast threshold, room for the top severity (16×) while bounding memory.',
  ),

  'host_sweep.windowSeconds': doc('s', "Snort portscan2's default timeout, as port_scan's fast window."),
  'host_sweep.icmpTargets': doc(
    'hosts',
    'Distinct hosts pinged without an answer in the window: Snort portscan2 calls 5 a sweep; with answered hosts left out, 10 is past anything a person or a monitor does. nmap -sn pings 256 hosts in seconds.',
  ),
  'host_sweep.tcpTargets': doc(
    'hosts',
    'Distinct hosts sent a SYN to one port without answering: a web page pulls from a dozen hosts, but those answer; 20 silent ones in a minute is a sweep (masscan, nmap -PS, worms).',
  ),
  'host_sweep.arpTargets': doc(
    'addresses',
    'Unanswered ARP who-has for distinct addresses from one sender: routers re-resolve neighbours all the time but those reply; 20 in a minute is a sweep of empty addresses.',
  ),
  'host_sweep.cooldownSeconds': doc('s', 'One report a minute per sweeping source.'),
  'host_sweep.maxSources': doc('sources', MEMORY),
  'host_sweep.maxTargetsPerSource': doc('hosts', MEMORY),

  'syn_flood.windowSeconds': doc('s', `${FLOOD_WINDOW} A browser opens 6–10 connections at once.`),
  'syn_flood.halfOpenPerSecond': doc(
    'handshakes/s',
    "Half-open handshakes per second to one service: Linux's SYN backlog (128–1024) holds a half-open entry about 63 s, so 100 a second fills even 1024 entries in ~10 s, where a server starts dropping or falls back to SYN cookies.",
  ),
  'syn_flood.maxCompletedShare': doc(
    'share',
    'Report only while fewer than this share of the SYNs completed: a healthy server completes nearly all, a flooded one almost none.',
  ),
  'syn_flood.cooldownSeconds': doc('s', FLOOD_COOLDOWN),
  'syn_flood.maxPending': doc('handshakes', MEMORY),
  'syn_flood.maxTargets': doc('services', MEMORY),
  'syn_flood.maxSourcesPerTarget': doc('sources', FLOOD_SOURCES),

  'udp_flood.windowSeconds': doc('s', `${FLOOD_WINDOW} A game or VoIP call sends 50 pps steadily.`),
  'udp_flood.packetsPerSecond': doc(
    'packets/s',
    "20× a VoIP/RTP stream (50 pps, RFC 3551) and 10× iperf3's default UDP test; hping3 --udp --flood sends tens of thousands a second.",
  ),
  'udp_flood.bytesPerSecond': doc(
    'bytes/s',
    'Or 100 Mbit/s of one-way unicast UDP to one target: large-datagram floods stay under the packet rate but fill a link.',
  ),
  'udp_flood.closedPortPacketsPerSecond': doc(
    'packets/s',
    'Or this rate to a host answering with ICMP port unreachable (nothing listens): the textbook UDP flood; nothing legitimate sends hundreds of datagrams a second to a closed port.',
  ),
  'udp_flood.maxReplyShare': doc(
    'share',
    'Report only while the target answers less than this share: QUIC acknowledges every second packet (RFC 9000 §13.2.2) and DNS answers every query; a flooded port answers none.',
  ),
  'udp_flood.cooldownSeconds': doc('s', FLOOD_COOLDOWN),
  'udp_flood.maxTargets': doc('targets', MEMORY),
  'udp_flood.maxSourcesPerTarget': doc('sources', FLOOD_SOURCES),

  'icmp_flood.windowSeconds': doc('s', FLOOD_WINDOW),
  'icmp_flood.packetsPerSecond': doc(
    'packets/s',
    'ping sends one a second and at most 5 a second unprivileged (-i 0.2); 200 is 40× that. ping -f and hping3 --icmp --flood send hundreds to tens of thousands.',
  ),
  'icmp_flood.bytesPerSecond': doc('bytes/s', 'Or 20 Mbit/s of ICMP (large -s pings): 200× ordinary monitoring.'),
  'icmp_flood.cooldownSeconds': doc('s', FLOOD_COOLDOWN),
  'icmp_flood.maxTargets': doc('targets', MEMORY),
  'icmp_flood.maxSourcesPerTarget': doc('sources', FLOOD_SOURCES),

  'tcp_flag_flood.windowSeconds': doc('s', FLOOD_WINDOW),
  'tcp_flag_flood.packetsPerSecond': doc(
    'packets/s',
    'Odd-flag segments (FIN or RST without ACK, empty PSH, NULL, XMAS …) to one service: a busy server sees a few RSTs a second from aborted connections; hping3 floods send thousands.',
  ),
  'tcp_flag_flood.cooldownSeconds': doc('s', FLOOD_COOLDOWN),
  'tcp_flag_flood.maxTargets': doc('services', MEMORY),
  'tcp_flag_flood.maxSourcesPerTarget': doc('sources', FLOOD_SOURCES),
  'tcp_flag_flood.maxAnswered': doc(
    'connections',
    `Connections remembered as answered by a SYN-ACK (a bare RST refusing it is healthy). ${MEMORY}`,
  ),

  'brute_force.services.*.name': doc('', 'The service name shown in alerts.'),
  'brute_force.services.*.attempts': doc(
    'sessions',
    "Short answered sessions from one source to the service that make an attack. Logins (ssh, ftp, telnet, rdp): 10 in 120 s, double ET's SSH scan rule (5 in 120 s); a person retries inside one session. HTTP: 100 in 60 s, a fresh connection per guess, where browsers keep connections alive.",
  ),
  'brute_force.services.*.windowSeconds': doc(
    's',
    "The window the sessions are counted in: ET's 120 s for logins, a minute for HTTP.",
  ),
  'brute_force.services.*.maxSessionSeconds': doc(
    's',
    'A session longer than this is someone working, not a guess: sshd drops a rejected guesser in seconds, a real login lasts minutes.',
  ),
  'brute_force.services.*.maxResponseBytes': doc(
    'bytes',
    'HTTP: only sessions whose answer is at most this big count (a 401/403 page plus headers; over TLS the certificate chain adds 2–6 KB).',
  ),
  'brute_force.cooldownSeconds': doc(
    's',
    'A source→service that fired stays quiet this long; the incident book grows the alert.',
  ),
  'brute_force.maxKeys': doc('keys', MEMORY),

  'slow_dos.ports': doc('ports', 'Web server ports watched.'),
  'slow_dos.minConnections': doc(
    'connections',
    'Slow connections from one client to one server:port: browsers open at most six per host; slowhttptest opens 50 by default, slowloris.py 150, and servers run out of workers at a few hundred.',
  ),
  'slow_dos.minAgeSeconds': doc(
    's',
    "A connection counts once its request is unanswered this long: Apache's mod_reqtimeout gives a client 20 s to finish its headers; two follow-up intervals of slowhttptest.",
  ),
  'slow_dos.maxClientBytesPerSecond': doc(
    'bytes/s',
    'Near idle: slowloris dribbles ~20 bytes per 10–15 s; a client sending a request at human pace exceeds 50 B/s at once.',
  ),
  'slow_dos.maxServerBytes': doc(
    'bytes',
    "An unfinished request gets no answer; a long-polling client's request is complete, so its server answers.",
  ),
  'slow_dos.staleSeconds': doc(
    's',
    "A connection with no packet for this long is dead (the flow table's idle timeout).",
  ),
  'slow_dos.checkIntervalSeconds': doc('s', "How often a client→server pair's connections are re-counted."),
  'slow_dos.cooldownSeconds': doc('s', 'A pair that fired stays quiet this long; the incident book grows the alert.'),
  'slow_dos.maxConnections': doc('connections', MEMORY),
  'slow_dos.maxPairs': doc('pairs', MEMORY),

  'dns_tunnel.windowSeconds': doc('s', 'Tunnels query continuously; a minute shows it.'),
  'dns_tunnel.minEncodedLength': doc(
    'characters',
    'A name is encoded-looking when the part below the registered domain is at least this long: iodine fills labels to 63 octets, dnscat2 hex-encodes 18+ characters; ordinary names stay well under 30.',
  ),
  'dns_tunnel.minEntropy': doc(
    'bits/char',
    '…and its Shannon entropy reaches this: base32/base64 payloads measure 4.3–4.8 bits/char, names made of words near 3, long hyphenated host names up to 3.7.',
  ),
  'dns_tunnel.encodedQueries': doc(
    'queries',
    'Encoded-looking queries under one domain per window: ten is a few seconds of iodine.',
  ),
  'dns_tunnel.uniqueSubdomains': doc(
    'names',
    'Distinct subdomains under one domain per window: stub clients ask a handful per domain; 100 new names a minute is a generator.',
  ),
  'dns_tunnel.txtQueries': doc(
    'queries',
    'TXT and NULL queries for distinct names under one domain: mail servers ask a few (SPF, DKIM, DMARC); tunnels use them on every query.',
  ),
  'dns_tunnel.cooldownSeconds': doc(
    's',
    'A domain that fired stays quiet this long; the incident book grows the alert.',
  ),
  'dns_tunnel.maxDomains': doc('domains', MEMORY),
  'dns_tunnel.maxSubdomainsPerDomain': doc('names', `${MEMORY} At least uniqueSubdomains.`),

  'arp_spoof.gratuitousPerWindow': doc(
    'ARPs',
    'Gratuitous ARPs from one MAC that make a flood: RFC 5227 announces an address twice, 2 s apart; DHCP and failover add one or two; 10 is past any honest announcement.',
  ),
  'arp_spoof.gratuitousWindowSeconds': doc('s', 'The window gratuitous ARPs are counted in.'),
  'arp_spoof.unsolicitedPerWindow': doc(
    'replies',
    'Replies answering no request, from one MAC: arpspoof re-poisons every 2 s (30 a minute); a booting host sends a few.',
  ),
  'arp_spoof.unsolicitedWindowSeconds': doc('s', 'The window unsolicited replies are counted in.'),
  'arp_spoof.requestMatchSeconds': doc(
    's',
    'A reply answers a request seen this long before it; ARP answers in milliseconds.',
  ),
  'arp_spoof.cooldownSeconds': doc('s', 'A key that fired stays quiet this long; the incident book grows the alert.'),
  'arp_spoof.maxBindings': doc('bindings', MEMORY),
  'arp_spoof.maxPendingRequests': doc('requests', MEMORY),
  'arp_spoof.maxSenders': doc('MACs', MEMORY),

  'traffic_spike.intervalSeconds': doc(
    's',
    'Rate sampling interval: smooths the sub-second burstiness of a page load or TCP slow start; a flood spans several intervals.',
  ),
  'traffic_spike.alpha': doc(
    'weight',
    'EWMA weight per interval: a half-life of ~2.3 min, following a daily rise but seeing a flood as a step.',
  ),
  'traffic_spike.spikeAlpha': doc(
    'weight',
    'Weight of a spiking interval: a tenth of alpha, so a lasting change is learnt in about half an hour but a flood does not become normal in minutes.',
  ),
  'traffic_spike.multiplier': doc(
    '×',
    'A spike is this many times the baseline: an order of magnitude, well past the 2–3× swing of daily peaks.',
  ),
  'traffic_spike.floorPps': doc('packets/s', 'Baseline floor: below 100 pps even ten times normal harms no server.'),
  'traffic_spike.learningIntervals': doc(
    'intervals',
    "A target's history needed before judging a spike: a minute of 10 s intervals.",
  ),
  'traffic_spike.minSources': doc('sources', 'Distinct sources that make it "many": a flood, not one heavy client.'),
  'traffic_spike.maxSourcesPerTarget': doc(
    'sources',
    'Sources counted per target and interval (enough to pass minSources).',
  ),
  'traffic_spike.maxTargets': doc('targets', MEMORY),
  'traffic_spike.cooldownSeconds': doc(
    's',
    'A target that fired stays quiet this long; the incident book grows the alert.',
  ),

  'malformed.windowSeconds': doc('s', 'The window findings are counted in.'),
  'malformed.points': doc(
    'points',
    'Weighted decode findings from one sender: ten a minute is a pattern (a fuzzer, a crafting tool, a broken stack); one is noise.',
  ),
  'malformed.cooldownSeconds': doc(
    's',
    'A malformed-packet stream is one finding: five minutes between reports keeps a fuzzing run to a few.',
  ),
  'malformed.maxSources': doc('sources', MEMORY),

  'first_seen.localOnly': doc(
    '',
    'Only private, shared and link-local addresses count as hosts of this network; otherwise every web server visited would be new.',
  ),
  'first_seen.maxUdpServicePort': doc(
    'port',
    "UDP answering from a port up to this (IANA's system ports, RFC 6335) toward a higher one is a service.",
  ),
  'first_seen.maxReportsPerWindow': doc(
    'reports',
    'Reports per window before further novelties are only counted: a real event (a new subnet) fits, a spoofed flood does not become thousands of alerts.',
  ),
  'first_seen.rateWindowSeconds': doc('s', 'The window reports are counted in.'),
  'first_seen.maxRemembered': doc('hosts', MEMORY),
};

/** The doc of `rule.path`, trying an exact entry first and then one with a `*` in place of a part. */
export function thresholdDoc(key: string): ThresholdDoc | undefined {
  const exact = THRESHOLD_DOCS[key];
  if (exact !== undefined) return exact;
  const parts = key.split('.');
  for (let index = 1; index < parts.length - 1; index++) {
    const pattern = [...parts.slice(0, index), '*', ...parts.slice(index + 1)].join('.');
    const found = THRESHOLD_DOCS[pattern];
    if (found !== undefined) return found;
  }
  return undefined;
}

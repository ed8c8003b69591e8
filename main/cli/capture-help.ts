/** `wirewatch capture --help`; kept apart so `--help` loads nothing else. */
export const CAPTURE_HELP = `Usage: wirewatch capture --interface IF [--filter BPF] [--duration S] [--json]
                        [--write OUT.pcapng [--rotate MB]] [--snaplen N] [--buffer-size BYTES]
                        [--threshold RULE.NAME=VALUE]... [--no-models] [--data DIR]
                        [--notify CONFIG.json] [--check]

Captures live on an interface and runs the same engine as \`wirewatch analyze\` on it: decoding,
flows, the detection rules, the anomaly models and incidents. Only the small capture helper needs
the privilege to capture (CAP_NET_RAW and CAP_NET_ADMIN, or root); when it lacks it, one line says
how to grant it.

Options:
  -i, --interface IF    the interface to capture on (\`ip link\` lists them)
  -f, --filter BPF      capture filter in pcap-filter(7) syntax, as tcpdump takes it; checked by
                        libpcap before the capture starts
  -d, --duration S      stop after S seconds (default: until Ctrl+C)
  --json                print alerts as JSON, one object per line, exactly as \`analyze --json\`,
                        and nothing else on stdout
  -w, --write OUT.pcapng  save every captured frame as pcapng
  --rotate MB           with --write, start OUT-00002.pcapng and so on past MB megabytes
  --snaplen N           bytes kept of each frame (64..262144; the capture binding delivers at
                        most 65,535)
  --buffer-size BYTES   libpcap's kernel buffer (default 32 MiB); raise it if the kernel drops,
                        and turn the interface's receive offloads off for high rates
                        (ethtool -K IF gro off gso off tso off): with them on, each packet
                        takes a 64 KiB slot of the buffer
  --threshold RULE.NAME=VALUE
                        change a detection threshold (repeatable; see \`wirewatch thresholds\`)
  --no-models           run the rules only, not the anomaly models
  --data DIR            the data folder whose models/ holds your own models (default: the app's)
  --notify CONFIG.json  notify the config's contacts by email, SMS or webhook as alerts are raised,
                        with their filters, quiet hours, rate limits and digests, exactly as
                        \`analyze --notify\`; when the capture ends, send the session report
                        (packets, bytes, protocols, top talkers, alerts). Secrets come from the
                        environment variables the config names. One line on stderr per delivery
  --check               only check that the interface opens and the filter compiles
  -h, --help            show this help

A status line (packets, packets/s, drops) is drawn on stderr when it is a terminal. Alerts are
printed as they are raised unless --json is given; at the end a summary of counters and gaps.
WIREWATCH_CAPTURE_LAUNCHER, if set, is put in front of the helper's command line (for example
"ip netns exec NAME" to capture inside a network namespace, or "sudo -n").

Exit codes:
  0  the capture ran (or --check passed)
  1  the capture could not start (no permission, no such interface, a bad filter) or stopped
     because its helper kept dying; one line says why and what to do
  2  the command line was wrong
  130  interrupted (Ctrl+C) after capturing; the output covers what was captured`;

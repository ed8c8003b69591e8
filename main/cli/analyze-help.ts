/** `wirewatch analyze --help`; kept apart so `--help` loads nothing else. */
export const ANALYZE_HELP = `Usage: wirewatch analyze FILE [--json] [--flows OUT.csv] [--summary OUT.json] [--max-flows N]
                        [--threshold RULE.NAME=VALUE]... [--no-models] [--data DIR] [--notify CONFIG.json]

Decodes every packet of a capture file (pcap in micro- or nanosecond resolution and either byte
order, pcapng, either of them gzip-compressed; the format is read from the file's first bytes),
builds its flows and prints what is in it.

Options:
  --json            print alerts as JSON, one object per line (DESIGN.md's alert schema), and
                    nothing else on stdout
  --flows OUT.csv   write every flow with all its features as CSV
  --summary OUT.json  write the summary as JSON (packets, bytes, protocols, flows, decode
                    failures by reason, first and last capture time, read problem if any)
  --max-flows N     most flows open at once (default 250,000, about 160 MB); past it the least
                    recently seen flow is closed and counted as evicted
  --threshold RULE.NAME=VALUE
                    change a detection threshold, e.g. port_scan.fastPorts=30 (repeatable;
                    \`wirewatch thresholds\` lists them all with their defaults)
  --no-models       run the rules only; by default the shipped models (models/) and your own
                    (DIR/models, from \`wirewatch train --baseline\`) score every closed flow in a
                    worker thread. A model whose manifest does not match it is refused with a line
                    on stderr; if the inference worker crashes, a line on stderr says so and the
                    analysis finishes with the rules
  --data DIR        the data folder whose models/ to use (default: the app's, as \`serve\`)
  --notify CONFIG.json
                    notify the config's contacts by email, SMS or webhook as alerts arrive, with
                    their filters, quiet hours, rate limits and digests, and send session reports;
                    secrets come from the environment variables the config names (README:
                    "Notifying from the command line"). One line on stderr per delivery
  -h, --help        show this help

A progress bar is drawn on stderr when it is a terminal.

Exit codes:
  0  the whole file was analysed
  1  the file could not be analysed (missing, unreadable, empty, not a capture); one line says why
  2  the command line was wrong
  3  the file was analysed up to a problem in its data (truncated or corrupt); the summary covers
     everything before it and a line on stderr says what and at which byte offset
  130  interrupted (Ctrl+C); the summary covers what was read`;

/** `wirewatch thresholds --help`; kept apart so `--help` loads nothing else. */
export const THRESHOLDS_HELP = `Usage: wirewatch thresholds [RULE] [--brief | --json]

Lists every detection threshold (or one rule's) as RULE.NAME = DEFAULT, followed by its unit (what
the number counts: seconds, ports, packets per second...) and why the default is what it is, with
the tools and measurements it follows. Change one for a run with
\`wirewatch analyze FILE --threshold RULE.NAME=VALUE\` (or \`wirewatch capture\`), or in Settings.
The full reasoning and its sources are beside each default in main/engine/detect/rules/<rule>.ts.

Options:
  --brief   only the RULE.NAME = DEFAULT lines
  --json    one JSON object per line: key, default, type, unit, reason
  -h, --help  show this help`;

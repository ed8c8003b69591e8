/** `wirewatch evaluate --help`; kept apart so `--help` loads nothing else. */
export const EVALUATE_HELP = `Usage: wirewatch evaluate CAPTURE... [--truth TRUTH.json] [--json]

Analyses each capture with the detectors and scores the alerts against what really happened, as the
attack lab records it beside each capture (x.pcap -> x.truth.json): per attack kind the episodes,
recall, alerts, precision, F1 and detection latency (episode start to the first right-kind alert,
median and maximum, in capture time); a confusion matrix of what ran against what was raised; and
false alerts per hour of benign-only traffic. How an alert is matched to an episode is documented in
main/engine/evaluate/score.ts.

Options:
  --truth FILE   the truth file, when scoring a single capture whose truth lies elsewhere
  --json         print the evaluation as one JSON object
  --threshold RULE.NAME=VALUE
                 change a detection threshold (repeatable; see \`wirewatch thresholds\`)
  -h, --help     show this help

Exit codes: 0 scored; 1 a capture or truth file could not be read; 2 the command line was wrong.`;

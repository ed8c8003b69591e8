/** `wirewatch thresholds --help`; kept apart so `--help` loads nothing else. */
export const THRESHOLDS_HELP = `Usage: wirewatch thresholds

Lists every detection threshold as RULE.NAME = DEFAULT. Change one for a run with
\`wirewatch analyze FILE --threshold RULE.NAME=VALUE\`. Why each default was chosen is written
beside it in main/engine/detect/rules/<rule>.ts.`;

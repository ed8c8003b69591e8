/** `wirewatch thresholds`: every detection threshold with its default, for `--threshold`. */
import { RULE_DEFAULTS } from '../engine/detect/rule-set';
import { listThresholds } from '../engine/detect/thresholds';

export function thresholdsCommand(out: (line: string) => void): number {
  for (const line of listThresholds(RULE_DEFAULTS)) out(line);
  return 0;
}

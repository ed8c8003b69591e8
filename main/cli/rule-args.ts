/** `--threshold rule.name=value` on the command line, turned into the rule set to run. */
import type { DetectorFactory } from '../engine/detect/detector';
import { RULE_DEFAULTS, ruleSet } from '../engine/detect/rule-set';
import { parseThresholds, ThresholdError } from '../engine/detect/thresholds';
import { UsageError } from './usage-error';

export function ruleSetFromArgs(assignments: readonly string[]): DetectorFactory[] {
  try {
    return ruleSet(parseThresholds(assignments, RULE_DEFAULTS));
  } catch (error) {
    if (error instanceof ThresholdError) throw new UsageError(`--threshold ${error.message}`);
    throw error;
  }
}

/**
 * Score and severity from how far a measurement passed its threshold, shared so every rule grades
 * scale the same way: at the threshold a detection scores 0.5 and carries the rule's base severity;
 * every fourfold beyond it raises severity one step (4× → next, 16× → the one after), and the score
 * reaches 1 at 10×. Logarithmic because attack scale spans orders of magnitude (a 100 pps probe to a
 * 100 000 pps flood).
 */
import type { Severity } from '../../../../preload/api/alerts';
import { SEVERITIES } from '../../../../preload/api/alerts';

/** 0.5 at the threshold, rising with log10(value / threshold) to 1 at ten times it. */
export function scoreOver(value: number, threshold: number): number {
  if (!(threshold > 0) || !(value > 0)) return 0;
  const score = 0.5 + 0.5 * Math.log10(value / threshold);
  return Math.min(1, Math.max(0, Math.round(score * 1000) / 1000));
}

/** `base` at the threshold, one step up per fourfold beyond, capped at critical. */
export function severityOver(value: number, threshold: number, base: Severity): Severity {
  const start = SEVERITIES.indexOf(base);
  const ratio = threshold > 0 ? value / threshold : 1;
  const steps = ratio >= 16 ? 2 : ratio >= 4 ? 1 : 0;
  return SEVERITIES[Math.min(SEVERITIES.length - 1, start + steps)] ?? base;
}

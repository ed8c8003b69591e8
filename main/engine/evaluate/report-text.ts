/** The evaluation as a table for people (`wirewatch evaluate`, `npm run bench:detect`). */
import type { Evaluation } from './score';

const fixed = (value: number | null): string => (value === null ? '—' : value.toFixed(2));
const seconds = (value: number): string => value.toFixed(1);

export function evaluationText(result: Evaluation): string {
  const lines = [
    `Captures  ${result.captures}`,
    `Episodes  ${result.episodes}; detected ${result.detected} (recall ${fixed(result.recall)}); ` +
      `named right ${result.namedRight} (${fixed(result.rightKind)} of detected)`,
    `Alerts    ${result.alerts}; false ${result.falseAlerts}; on benign-only captures ${result.benignFalseAlerts} ` +
      `over ${result.benignHours.toFixed(2)} h (${fixed(result.falseAlertsPerBenignHour)} per benign hour)`,
    '',
    `${'kind'.padEnd(16)}${'episodes'.padStart(9)}${'recall'.padStart(8)}${'alerts'.padStart(8)}${'precision'.padStart(11)}` +
      `${'F1'.padStart(6)}${'latency s (median/max)'.padStart(24)}`,
    ...result.kinds.map(
      (kind) =>
        `${kind.kind.padEnd(16)}${String(kind.episodes).padStart(9)}${fixed(kind.recall).padStart(8)}` +
        `${String(kind.alerts).padStart(8)}${fixed(kind.precision).padStart(11)}${fixed(kind.f1).padStart(6)}` +
        (kind.latency === null ? '—' : `${seconds(kind.latency.median)} / ${seconds(kind.latency.max)}`).padStart(24),
    ),
  ];
  const truthKinds = Object.keys(result.confusion).sort();
  const alertKinds = [...new Set(truthKinds.flatMap((kind) => Object.keys(result.confusion[kind] ?? {})))].sort();
  if (alertKinds.length > 0) {
    lines.push('', 'Confusion: rows are what ran (benign = no attack), columns the alert kinds raised');
    lines.push(`${''.padEnd(16)}${alertKinds.map((kind) => kind.padStart(15)).join('')}`);
    for (const truthKind of truthKinds) {
      const row = result.confusion[truthKind] ?? {};
      lines.push(`${truthKind.padEnd(16)}${alertKinds.map((kind) => String(row[kind] ?? 0).padStart(15)).join('')}`);
    }
  }
  return lines.join('\n');
}

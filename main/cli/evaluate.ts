/** `wirewatch evaluate CAPTURE...`: detection quality against the lab's truth files. */
import { resolve } from 'node:path';
import { parseArgs } from 'node:util';
import type { Alert } from '../../preload/api/alerts';
import { evaluationText } from '../engine/evaluate/report-text';
import { evaluate, type CaptureOutcome } from '../engine/evaluate/score';
import { readTruth, truthPathFor } from '../engine/evaluate/truth';
import { analyzeCapture } from '../engine/pipeline';
import { ruleSetFromArgs } from './rule-args';
import { EXIT, UsageError } from './usage-error';

export interface EvaluateContext {
  readonly out: (line: string) => void;
}

export async function evaluateCommand(argv: readonly string[], context: EvaluateContext): Promise<number> {
  const { values, positionals } = parseArgs({
    args: [...argv],
    options: {
      truth: { type: 'string' },
      json: { type: 'boolean', default: false },
      threshold: { type: 'string', multiple: true },
    },
    strict: true,
    allowPositionals: true,
  });
  if (positionals.length === 0) throw new UsageError('name at least one capture to evaluate');
  if (values.truth !== undefined && positionals.length > 1) {
    throw new UsageError('--truth names the truth of a single capture; leave it out to use each x.truth.json');
  }
  const detectors = ruleSetFromArgs(values.threshold ?? []);
  const outcomes: CaptureOutcome[] = [];
  for (const capture of positionals) {
    const truth = await readTruth(values.truth ?? truthPathFor(capture));
    const alerts = new Map<string, Alert>();
    // When each alert was first handed out (capture time): detection latency counts from there.
    const raisedAt: Record<string, number> = {};
    const summary = await analyzeCapture(capture, {
      detection: {
        origin: { type: 'file', path: resolve(capture) },
        detectors,
        onAlerts: (changed) => {
          for (const alert of changed) {
            raisedAt[alert.id] ??= alert.last_seen;
            alerts.set(alert.id, alert);
          }
        },
      },
    });
    if (summary.problem !== null) process.stderr.write(`wirewatch evaluate: ${capture}: ${summary.problem.message}\n`);
    outcomes.push({ truth, alerts: [...alerts.values()], raisedAt });
  }
  const result = evaluate(outcomes);
  context.out(values.json ? JSON.stringify(result) : evaluationText(result));
  return EXIT.ok;
}

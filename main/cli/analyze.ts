/** `wirewatch analyze FILE`: the packet engine over one capture file, headless. */
import { randomUUID } from 'node:crypto';
import { writeFile } from 'node:fs/promises';
import { parseArgs } from 'node:util';
import { resolve } from 'node:path';
import type { Alert } from '../../preload/api/alerts';
import type { AnalysisSummary } from '../../preload/api/analysis';
import { defaultDataDir } from '../app/data-dir';
import { FlowCsvWriter } from '../engine/flows/flow-csv-writer';
import { setUpModelScoring } from '../engine/models/model-scoring';
import { analyzeCapture } from '../engine/pipeline';
import { CaptureReadError } from '../engine/sources/capture-read-error';
import { CaptureFileError } from '../engine/sources/inspect';
import { deliveryLines, startHeadlessNotify } from '../notify/headless-notify';
import { progressBar } from './progress-bar';
import { ruleSetFromArgs } from './rule-args';
import { summaryText } from './summary-text';
import { EXIT, UsageError } from './usage-error';

export interface AnalyzeContext {
  readonly out: (line: string) => void;
  readonly err: NodeJS.WriteStream;
  /** Where the shipped models and the inference worker are; without it only the rules run. */
  readonly models?: { readonly shippedDir: string | null; readonly workerPath: string };
}

export const EXIT_PARTIAL = 3;
export const EXIT_INTERRUPTED = 130;

/** Runs the command; returns the exit code (usage errors throw UsageError). */
export async function analyzeCommand(argv: readonly string[], context: AnalyzeContext): Promise<number> {
  const { values, positionals } = parseArgs({
    args: [...argv],
    options: {
      json: { type: 'boolean', default: false },
      flows: { type: 'string' },
      summary: { type: 'string' },
      'max-flows': { type: 'string' },
      threshold: { type: 'string', multiple: true },
      'no-models': { type: 'boolean', default: false },
      data: { type: 'string' },
      notify: { type: 'string' },
    },
    strict: true,
    allowPositionals: true,
  });
  if (positionals.length !== 1 || positionals[0] === undefined) {
    throw new UsageError(positionals.length === 0 ? 'name a capture file to analyse' : 'analyse one file at a time');
  }
  const path = positionals[0];
  const maxFlows = values['max-flows'] === undefined ? undefined : Number(values['max-flows']);
  if (maxFlows !== undefined && (!Number.isInteger(maxFlows) || maxFlows < 1)) {
    throw new UsageError(`--max-flows must be a whole number of at least 1, not "${values['max-flows'] ?? ''}"`);
  }
  const rules = ruleSetFromArgs(values.threshold ?? []);
  const scoring =
    context.models === undefined || values['no-models']
      ? undefined
      : await setUpModelScoring(context.models.shippedDir, values.data ?? defaultDataDir(), context.models.workerPath);
  for (const warning of scoring?.warnings ?? []) context.err.write(`wirewatch analyze: ${warning}\n`);
  const detectors = [...rules, ...(scoring?.detectors ?? [])];
  // Read before the capture so a bad config fails fast; secrets come from the environment.
  const notifier = values.notify === undefined ? undefined : await startHeadlessNotify(values.notify);
  const csv = values.flows === undefined ? undefined : await FlowCsvWriter.open(values.flows);
  const bar = progressBar(context.err);
  const controller = new AbortController();
  const interrupt = (): void => controller.abort();
  process.once('SIGINT', interrupt);

  // An incident may grow during the read; the latest version of each is printed at the end.
  const alerts = new Map<string, Alert>();
  let summary: AnalysisSummary;
  try {
    summary = await analyzeCapture(path, {
      detection: {
        origin: { type: 'file', path: resolve(path) },
        detectors,
        onAlerts: (changed) => {
          for (const alert of changed) alerts.set(alert.id, alert);
          notifier?.alerts(changed);
        },
      },
      signal: controller.signal,
      onProgress: (progress) => bar.update(progress),
      ...(maxFlows === undefined ? {} : { flows: { maxFlows } }),
      ...(csv === undefined
        ? {}
        : {
            onFlow: (flow) => {
              csv.write(flow);
            },
            afterBatch: () => csv.drained(),
          }),
    });
  } catch (error) {
    if (error instanceof CaptureFileError || error instanceof CaptureReadError) {
      context.err.write(`wirewatch analyze: ${error.message}\n`);
      await notifier?.finish('', null);
      return EXIT.failure;
    }
    throw error;
  } finally {
    process.off('SIGINT', interrupt);
    bar.clear();
    await csv?.close();
  }

  for (const warning of summary.warnings ?? []) context.err.write(`wirewatch analyze: ${warning}\n`);
  if (values.summary !== undefined) await writeFile(values.summary, `${JSON.stringify(summary, null, 2)}\n`);
  const ordered = [...alerts.values()].sort((a, b) => a.first_seen - b.first_seen);
  if (values.json) for (const alert of ordered) context.out(JSON.stringify(alert));
  else context.out(summaryText(summary, ordered));
  if (notifier !== undefined) {
    for (const line of deliveryLines(await notifier.finish(randomUUID(), summary))) {
      context.err.write(`wirewatch analyze: ${line}\n`);
    }
  }
  if (summary.problem !== null) {
    context.err.write(
      `wirewatch analyze: analysed ${summary.packets.toLocaleString('en-US')} packets, then: ${summary.problem.message}\n`,
    );
    return EXIT_PARTIAL;
  }
  return summary.cancelled ? EXIT_INTERRUPTED : EXIT.ok;
}

/** `wirewatch analyze FILE`: the packet engine over one capture file, headless. */
import { writeFile } from 'node:fs/promises';
import { parseArgs } from 'node:util';
import type { AnalysisSummary } from '../../preload/api/analysis';
import { FlowCsvWriter } from '../engine/flows/flow-csv-writer';
import { analyzeCapture } from '../engine/pipeline';
import { CaptureReadError } from '../engine/sources/capture-read-error';
import { CaptureFileError } from '../engine/sources/inspect';
import { progressBar } from './progress-bar';
import { summaryText } from './summary-text';
import { EXIT, UsageError } from './usage-error';

export const ANALYZE_HELP = `Usage: wirewatch analyze FILE [--json] [--flows OUT.csv] [--summary OUT.json]

Decodes every packet of a capture file (pcap in micro- or nanosecond resolution and either byte
order, pcapng, either of them gzip-compressed; the format is read from the file's first bytes),
builds its flows and prints what is in it.

Options:
  --json            print alerts as JSON, one object per line, and nothing else on stdout
  --flows OUT.csv   write every flow with all its features as CSV
  --summary OUT.json  write the summary as JSON (packets, bytes, protocols, flows, decode
                    failures by reason, first and last capture time, read problem if any)
  -h, --help        show this help

A progress bar is drawn on stderr when it is a terminal.

Exit codes:
  0  the whole file was analysed
  1  the file could not be analysed (missing, unreadable, empty, not a capture); one line says why
  2  the command line was wrong
  3  the file was analysed up to a problem in its data (truncated or corrupt); the summary covers
     everything before it and a line on stderr says what and at which byte offset
  130  interrupted (Ctrl+C); the summary covers what was read`;

export interface AnalyzeContext {
  readonly out: (line: string) => void;
  readonly err: NodeJS.WriteStream;
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
    },
    strict: true,
    allowPositionals: true,
  });
  if (positionals.length !== 1 || positionals[0] === undefined) {
    throw new UsageError(positionals.length === 0 ? 'name a capture file to analyse' : 'analyse one file at a time');
  }
  const path = positionals[0];
  const csv = values.flows === undefined ? undefined : await FlowCsvWriter.open(values.flows);
  const bar = progressBar(context.err);
  const controller = new AbortController();
  const interrupt = (): void => controller.abort();
  process.once('SIGINT', interrupt);

  let summary: AnalysisSummary;
  try {
    summary = await analyzeCapture(path, {
      signal: controller.signal,
      onProgress: (progress) => bar.update(progress),
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
      return EXIT.failure;
    }
    throw error;
  } finally {
    process.off('SIGINT', interrupt);
    bar.clear();
    await csv?.close();
  }

  if (values.summary !== undefined) await writeFile(values.summary, `${JSON.stringify(summary, null, 2)}\n`);
  // Alerts arrive with the detectors; until then --json prints none, and nothing else.
  if (!values.json) context.out(summaryText(summary));
  if (summary.problem !== null) {
    context.err.write(
      `wirewatch analyze: analysed ${summary.packets.toLocaleString('en-US')} packets, then: ${summary.problem.message}\n`,
    );
    return EXIT_PARTIAL;
  }
  return summary.cancelled ? EXIT_INTERRUPTED : EXIT.ok;
}

/**
 * `wirewatch capture --interface IF`: live capture through the capture helper, headless. With
 * `--notify CONFIG.json` alerts reach the config's contacts as they are raised and the session
 * report goes out when the capture ends, exactly as `analyze --notify` does for a file.
 */
import { randomUUID } from 'node:crypto';
import { parseArgs } from 'node:util';
import { formatBytes } from '../../common/format-bytes';
import type { Alert } from '../../preload/api/alerts';
import type { CaptureCounters, CaptureGap, CaptureTick } from '../../preload/api/capture';
import { defaultDataDir } from '../app/data-dir';
import { LIVE_MAX_QUEUED_FLOWS } from '../engine/models/model-detector';
import { setUpModelScoring } from '../engine/models/model-scoring';
import { CaptureStartError, problemFromHelper } from '../capture/capture-problem';
import { checkHelperConfig } from '../capture/helper-config';
import { launcherFromEnvironment, runHelper, type HelperLaunch } from '../capture/helper-launch';
import { decodeHelperOutput } from '../capture/helper-output';
import { LiveCapture } from '../capture/live-capture';
import { numberedFileNames } from '../capture/pcapng-session-writer';
import { deliveryLines, startHeadlessNotify } from '../notify/headless-notify';
import { ruleSetFromArgs } from './rule-args';
import { EXIT, UsageError } from './usage-error';

export interface CaptureCommandContext {
  readonly out: (line: string) => void;
  readonly err: NodeJS.WritableStream & { readonly isTTY?: boolean };
  /** The built capture helper (dist/main/capture-helper.cjs). */
  readonly helper: string;
  /** Where the shipped models and the inference worker are; without it only the rules run. */
  readonly models?: { readonly shippedDir: string | null; readonly workerPath: string };
  /** Ends the capture early (tests); Ctrl+C does too. */
  readonly signal?: AbortSignal;
}

export const EXIT_INTERRUPTED = 130;

const count = (value: number): string => value.toLocaleString('en-US');

export async function captureCommand(argv: readonly string[], context: CaptureCommandContext): Promise<number> {
  const { values } = parseArgs({
    args: [...argv],
    options: {
      interface: { type: 'string', short: 'i' },
      filter: { type: 'string', short: 'f', default: '' },
      duration: { type: 'string', short: 'd' },
      json: { type: 'boolean', default: false },
      write: { type: 'string', short: 'w' },
      rotate: { type: 'string' },
      snaplen: { type: 'string' },
      'buffer-size': { type: 'string' },
      threshold: { type: 'string', multiple: true },
      check: { type: 'boolean', default: false },
      'no-models': { type: 'boolean', default: false },
      data: { type: 'string' },
      notify: { type: 'string' },
    },
    strict: true,
    allowPositionals: false,
  });
  if (values.interface === undefined) throw new UsageError('name the interface to capture on with --interface');
  const duration = optionalNumber('--duration', values.duration, 0.1);
  const rotate = optionalNumber('--rotate', values.rotate, 1);
  if (rotate !== undefined && values.write === undefined) throw new UsageError('--rotate needs --write');
  const config = checkHelperConfig({
    interface: values.interface,
    filter: values.filter,
    ...(values.snaplen === undefined ? {} : { snaplen: Number(values.snaplen) }),
    ...(values['buffer-size'] === undefined ? {} : { bufferBytes: Number(values['buffer-size']) }),
  });
  if (typeof config === 'string') throw new UsageError(config);
  const rules = ruleSetFromArgs(values.threshold ?? []);
  const launch: HelperLaunch = { script: context.helper, launcher: launcherFromEnvironment() };

  if (values.check) {
    const result = await runHelper(launch, ['--check', JSON.stringify(config)]);
    const answer = decodeHelperOutput(result.stdout).at(-1);
    if (answer?.type === 'checked') {
      context.out(`${config.interface}: opens${config.filter === '' ? '' : ' and the filter compiles'}`);
      return EXIT.ok;
    }
    const problem =
      answer?.type === 'error'
        ? problemFromHelper(config.interface, answer)
        : { message: `the capture helper failed: ${result.stderr.trim()}`, fix: null };
    context.err.write(`wirewatch capture: ${problem.message}${problem.fix === null ? '' : `\n${problem.fix}`}\n`);
    return EXIT.failure;
  }

  // The models score in their own worker thread, as for `analyze`.
  const scoring =
    context.models === undefined || values['no-models']
      ? undefined
      : await setUpModelScoring(context.models.shippedDir, values.data ?? defaultDataDir(), context.models.workerPath, {
          maxQueuedFlows: LIVE_MAX_QUEUED_FLOWS,
        });
  for (const warning of scoring?.warnings ?? []) context.err.write(`wirewatch capture: ${warning}\n`);
  const detectors = [...rules, ...(scoring?.detectors ?? [])];
  // Read before the capture starts so a bad config fails fast; secrets come from the environment.
  const notifier = values.notify === undefined ? undefined : await startHeadlessNotify(values.notify);
  const alerts = new Map<string, Alert>();
  const status = statusLine(context.err);
  const ended: { problem?: string } = {};
  const stopped = new AbortController();
  const warned = { count: 0, printed: new Set<string>() };
  let capture: LiveCapture;
  try {
    capture = await LiveCapture.start({
      launch,
      config,
      detectors,
      ring: false,
      save:
        values.write === undefined
          ? null
          : {
              fileName: numberedFileNames(values.write),
              rotateBytes: (rotate ?? Number.MAX_SAFE_INTEGER / 2 ** 20) * 2 ** 20,
            },
      onAlerts: (changed) => {
        for (const alert of changed) {
          if (!values.json && !alerts.has(alert.id)) {
            status.clear();
            context.out(`ALERT ${alert.severity.toUpperCase()} ${alert.kind}: ${alert.summary}`);
          }
          alerts.set(alert.id, alert);
        }
        notifier?.alerts(changed);
      },
      onTick: (tick) => {
        status.update(tick);
        // A warning shows as soon as it first appears (scoring fell behind); the final counts come at the end.
        for (const warning of (tick.warnings ?? []).slice(warned.count)) {
          status.clear();
          context.err.write(`wirewatch capture: ${warning}\n`);
          warned.printed.add(warning);
        }
        warned.count = Math.max(warned.count, tick.warnings?.length ?? 0);
      },
      onGap: (gap) => {
        status.clear();
        context.err.write(`wirewatch capture: ${gapText(gap)}\n`);
      },
      onFailed: (problem) => {
        ended.problem = problem.message;
        stopped.abort();
      },
    });
  } catch (error) {
    // Nothing was captured: no report, but the notifier's temporary state is cleaned up.
    await notifier?.finish('', null);
    if (error instanceof CaptureStartError) {
      const { problem } = error;
      context.err.write(`wirewatch capture: ${problem.message}${problem.fix === null ? '' : `\n${problem.fix}`}\n`);
      return EXIT.failure;
    }
    throw error;
  }

  const interrupted = { byUser: false };
  const interrupt = (): void => {
    interrupted.byUser = true;
    stopped.abort();
  };
  process.once('SIGINT', interrupt);
  context.signal?.addEventListener('abort', () => stopped.abort(), { once: true });
  await new Promise<void>((resolve) => {
    const timer = duration === undefined ? undefined : setTimeout(resolve, duration * 1000);
    stopped.signal.addEventListener(
      'abort',
      () => {
        clearTimeout(timer);
        resolve();
      },
      { once: true },
    );
  });
  process.off('SIGINT', interrupt);
  const result = await capture.stop();
  for (const alert of result.alerts) alerts.set(alert.id, alert);
  status.clear();
  for (const warning of result.warnings) {
    if (!warned.printed.has(warning)) context.err.write(`wirewatch capture: ${warning}\n`);
  }

  const ordered = [...alerts.values()].sort((a, b) => a.first_seen - b.first_seen);
  if (values.json) for (const alert of ordered) context.out(JSON.stringify(alert));
  else context.out(resultText(config.interface, result.counters, result.gaps, result.files, ordered.length));
  if (notifier !== undefined) {
    for (const line of deliveryLines(await notifier.finish(randomUUID(), result.summary))) {
      context.err.write(`wirewatch capture: ${line}\n`);
    }
  }
  if (ended.problem !== undefined) {
    context.err.write(`wirewatch capture: ${ended.problem}\n`);
    return EXIT.failure;
  }
  return interrupted.byUser ? EXIT_INTERRUPTED : EXIT.ok;
}

function optionalNumber(name: string, text: string | undefined, minimum: number): number | undefined {
  if (text === undefined) return undefined;
  const value = Number(text);
  if (!Number.isFinite(value) || value < minimum)
    throw new UsageError(`${name} must be a number of at least ${minimum}, not "${text}"`);
  return value;
}

function gapText(gap: CaptureGap): string {
  const from = new Date(gap.from * 1000).toISOString();
  return gap.to === null
    ? `capture gap from ${from}: ${gap.reason}; restarting the helper`
    : `capture resumed; nothing was seen from ${from} for ${(gap.to - gap.from).toFixed(2)} s (${gap.reason})`;
}

function dropText(value: number | null): string {
  return value === null ? 'n/a' : count(value);
}

function resultText(
  name: string,
  counters: CaptureCounters,
  gaps: readonly CaptureGap[],
  files: readonly string[],
  alerts: number,
): string {
  const lines = [
    `Captured on ${name}: ${count(counters.seen)} packets (${formatBytes(counters.bytes)} on the wire)`,
    `Dropped     kernel ${dropText(counters.kernelDropped)} (estimated), interface ${dropText(counters.interfaceDropped)}, Wirewatch ${count(counters.wirewatchDropped)}`,
    `Alerts      ${count(alerts)}`,
  ];
  if (counters.restarts > 0) lines.push(`Restarts    ${counters.restarts} (helper died; gaps below)`);
  for (const gap of gaps) lines.push(`  gap: ${gapText(gap)}`);
  for (const file of files) lines.push(`Saved       ${file}`);
  return lines.join('\n');
}

/** One line on stderr, redrawn a few times per second when it is a terminal. */
function statusLine(err: CaptureCommandContext['err']): { update(tick: CaptureTick): void; clear(): void } {
  const tty = err.isTTY === true;
  let drawn = false;
  return {
    update: (tick) => {
      if (!tty) return;
      const c = tick.counters;
      err.write(
        `\r\x1b[K${count(c.seen)} packets  ${count(Math.round(tick.packetsPerSecond))} pkt/s  ${tick.activeFlows} flows  ${tick.alerts} alerts  dropped ${count(c.wirewatchDropped)}`,
      );
      drawn = true;
    },
    clear: () => {
      if (drawn) err.write('\r\x1b[K');
      drawn = false;
    },
  };
}

/**
 * Entry of the capture helper (dist/main/capture-helper.cjs), the one small process that holds the
 * capture privilege, as dumpcap does for Wireshark. It opens the interface with libpcap (`cap`),
 * copies frames into batch records and writes them on stdout (helper-protocol.ts); decoding, flows
 * and detection run in the unprivileged parent, so untrusted packets are never parsed here.
 *
 *   capture-helper.cjs --list               interfaces as one JSON line
 *   capture-helper.cjs --check '<config>'   open and close: `checked` or `error`
 *   capture-helper.cjs '<config>'           capture until `stop` on stdin, stdin closing, or SIGTERM
 */
import { fstatSync, realpathSync } from 'node:fs';
import { Socket } from 'node:net';
import { performance } from 'node:perf_hooks';
import { BatchEncoder } from './batch-encoder';
import { CAP_LINKTYPES, loadCap, type CapHandle } from './cap-binding';
import { encodeControl, type HelperConfig, type HelperControl, type HelperErrorCode } from './helper-protocol';
import { InterfaceCounters } from './interface-counters';
import { listCaptureInterfaces } from './interfaces';
import { parseHelperConfig } from './helper-config';

/** How often counters are reported: often enough for a live display, rarely enough to cost nothing. */
const STATS_INTERVAL_MS = 500;
/**
 * Bytes queued for the parent beyond which batches are dropped (and counted as Wirewatch drops)
 * rather than letting the helper's memory grow without bound while its reader is behind.
 */
const MAX_QUEUED_BYTES = 64 * 1024 * 1024;
/**
 * A batch goes out at most this long after its first frame. Writing once per libpcap poll cost
 * more than the capture itself at 200 k packets/s (a pipe write and a wake-up of the reader per
 * handful of packets: 1.9 s of 8.8 in writeBuffer in a CPU profile); 5 ms batches cut the writes
 * to 200 a second at most and add 5 ms to the alert latency.
 */
const FLUSH_MS = 5;

// Async writes on the stdout pipe: Node makes process.stdout blocking for pipes on Linux, and a
// blocked helper would stop reading the socket and hide its drops in the kernel's. Redirected to a
// file (someone looking at the stream by hand), plain process.stdout does.
const stdoutStats = fstatSync(1);
const out: NodeJS.WritableStream & { readonly writableLength: number } =
  stdoutStats.isFIFO() || stdoutStats.isSocket()
    ? new Socket({ fd: 1, readable: false, writable: true })
    : process.stdout;

// The reader is gone (the parent died): nothing captured could go anywhere, so end quietly.
out.on('error', (error: NodeJS.ErrnoException) => {
  if (error.code !== 'EPIPE') process.stderr.write(`capture helper: writing to the parent failed: ${error.message}\n`);
  process.exit(error.code === 'EPIPE' ? 0 : 1);
});

function send(message: HelperControl): void {
  out.write(encodeControl(message));
}

function fail(code: HelperErrorCode, message: string): void {
  send({ type: 'error', code, message, execPath: realpathSync(process.execPath) });
  out.end(() => process.exit(1));
}

/** Sorts libpcap's words into what the user can do about them. */
function classify(message: string): HelperErrorCode {
  if (/permission|not permitted|EPERM|access denied/i.test(message)) return 'permission';
  if (/no such device|doesn't exist|does not exist|no such file/i.test(message)) return 'no-device';
  return 'capture-failed';
}

/**
 * cap 0.2 crashes the process (a libuv assertion) when an instance whose open() failed is closed or
 * garbage-collected, and cannot reopen an instance it closed: every attempt gets a fresh instance,
 * and failed ones are kept referenced until the helper exits.
 */
const failedHandles: CapHandle[] = [];

/**
 * Opens the device. cap compiles the filter only after activating the device, so when opening
 * fails with a filter it is tried once without: if that works, the filter was the problem and its
 * compile error is what the user sees.
 */
function open(
  create: () => CapHandle,
  config: HelperConfig,
  buffer: Buffer,
): { cap: CapHandle; linktype: number } | { code: HelperErrorCode; message: string } {
  const cap = create();
  try {
    const name = cap.open(config.interface, config.filter, config.bufferBytes, buffer);
    return { cap, linktype: CAP_LINKTYPES[name] ?? -1 };
  } catch (error) {
    failedHandles.push(cap);
    const message = error instanceof Error ? error.message : String(error);
    if (config.filter === '') return { code: classify(message), message };
    const plain = create();
    try {
      plain.open(config.interface, '', config.bufferBytes, buffer);
      plain.close();
      return { code: 'bad-filter', message: `capture filter "${config.filter}": ${message}` };
    } catch (second) {
      failedHandles.push(plain);
      const text = second instanceof Error ? second.message : String(second);
      return { code: classify(text), message: text };
    }
  }
}

function capture(config: HelperConfig, checkOnly: boolean): void {
  const { Cap } = loadCap();
  const buffer = Buffer.alloc(65_535);
  const opened = open(() => new Cap(), config, buffer);
  if ('code' in opened) {
    fail(opened.code, opened.message);
    return;
  }
  const { cap, linktype } = opened;
  if (linktype === -1) {
    cap.close();
    fail('capture-failed', `${config.interface}: link type not supported by the capture binding`);
    return;
  }
  if (checkOnly) {
    cap.close();
    send({ type: 'checked', linktype });
    out.end(() => process.exit(0));
    return;
  }

  const encoder = new BatchEncoder();
  const counters = new InterfaceCounters(config.interface);
  let seen = 0;
  let bytes = 0;
  let helperDropped = 0;
  let flushQueued = false;
  const flush = (): void => {
    flushQueued = false;
    const count = encoder.count;
    const record = encoder.take();
    if (record === undefined) return;
    if (out.writableLength > MAX_QUEUED_BYTES) helperDropped += count;
    else out.write(record);
  };
  cap.on('packet', (nbytes) => {
    // cap hands no capture time: the frame is stamped as it reaches us. Immediate mode is on, so
    // that is within the poll's latency of the kernel's stamp (see README "Live capture").
    const now = performance.timeOrigin + performance.now();
    const seconds = Math.floor(now / 1000);
    const nanos = Math.floor((now - seconds * 1000) * 1e6);
    seen += 1;
    bytes += nbytes;
    encoder.add(buffer, Math.min(nbytes, config.snaplen), nbytes, seconds, nanos);
    if (encoder.full) flush();
    else if (!flushQueued) {
      flushQueued = true;
      setTimeout(flush, FLUSH_MS);
    }
  });
  send({ type: 'ready', interface: config.interface, linktype, pid: process.pid });

  const report = (): void => {
    const sample = counters.sample(seen, config.filter === '');
    send({ type: 'stats', seen, bytes, helperDropped, ...sample });
  };
  const timer = setInterval(report, STATS_INTERVAL_MS);
  let stopping = false;
  const stop = (): void => {
    if (stopping) return;
    stopping = true;
    clearInterval(timer);
    cap.close();
    flush();
    report();
    out.end(() => process.exit(0));
  };
  process.stdin.on('data', (chunk: Buffer) => {
    if (chunk.toString('utf8').includes('stop')) stop();
  });
  // The parent is gone (or closed our stdin): nobody reads what we capture.
  process.stdin.on('end', stop);
  process.on('SIGTERM', stop);
  process.on('SIGINT', stop);
}

async function main(argv: readonly string[]): Promise<void> {
  if (argv[0] === '--list') {
    const list = await listCaptureInterfaces();
    out.end(`${JSON.stringify(list)}\n`);
    return;
  }
  const checkOnly = argv[0] === '--check';
  const config = parseHelperConfig(checkOnly ? argv[1] : argv[0]);
  if (typeof config === 'string') {
    fail('bad-arguments', config);
    return;
  }
  capture(config, checkOnly);
}

main(process.argv.slice(2)).catch((error: unknown) => {
  fail('capture-failed', error instanceof Error ? error.message : String(error));
});

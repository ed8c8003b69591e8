/**
 * Generates the office-uplink capture into a sink, streaming: frames are written chunk by chunk
 * as the simulation produces them, so a 4 GB file needs no more memory than a small one.
 */
import { rename } from 'node:fs/promises';
import { CaptureWriter } from './capture-writer';
import { FileSink, type ChunkSink } from './chunk-sink';
import { officePlan } from './office-plan';
import { startOfficeUplink } from './office-uplink';
import { PcapFormat } from './pcap-format';
import { PcapngFormat } from './pcapng-format';
import { Simulation } from './simulation';

export interface TrafficOptions {
  /** Same seed, same bytes. Default 1. */
  readonly seed?: number;
  /** Stop after this many packets … */
  readonly packets?: number;
  /** … or once the file is at least this many bytes, whichever comes first. */
  readonly bytes?: number;
  readonly format?: 'pcap' | 'pcapng';
  /** Nanosecond timestamps (pcap magic 0xa1b23c4d; pcapng if_tsresol 9) instead of microseconds. */
  readonly nanosecond?: boolean;
  /** Epoch seconds of the capture's start; default 2025-06-16 09:00 UTC, a Monday morning. */
  readonly startSeconds?: number;
}

export interface TrafficResult {
  readonly packets: number;
  readonly fileBytes: number;
  /** Capture time from the start to the last frame. */
  readonly durationSeconds: number;
}

const MONDAY_MORNING = 1_750_064_400;

export async function generateTraffic(sink: ChunkSink, options: TrafficOptions): Promise<TrafficResult> {
  const packets = options.packets ?? Number.POSITIVE_INFINITY;
  const bytes = options.bytes ?? Number.POSITIVE_INFINITY;
  if (!Number.isFinite(packets) && !Number.isFinite(bytes)) throw new RangeError('give a packet count or a file size');
  const nanosecond = options.nanosecond === true;
  const format = options.format === 'pcapng' ? new PcapngFormat(nanosecond) : new PcapFormat(nanosecond);
  const writer = new CaptureWriter(format, sink, options.startSeconds ?? MONDAY_MORNING);
  const sim = new Simulation(options.seed ?? 1, officePlan(), writer);
  startOfficeUplink(sim);
  const enough = (): boolean => writer.packets >= packets || writer.fileBytes >= bytes;
  while (!enough()) {
    if (!sim.run(() => !writer.chunkFull && !enough())) throw new Error('the simulation ran out of events');
    await writer.flush();
  }
  await writer.close();
  return { packets: writer.packets, fileBytes: writer.fileBytes, durationSeconds: sim.now / 1e9 };
}

/** Writes to `path` by way of `path.partial`, so an interrupted run never leaves a plausible-looking file. */
export async function writeTrafficFile(path: string, options: TrafficOptions): Promise<TrafficResult> {
  const partial = `${path}.partial`;
  const result = await generateTraffic(new FileSink(partial), options);
  await rename(partial, path);
  return result;
}

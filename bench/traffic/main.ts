/**
 * `npm run bench:traffic -- --out FILE [--packets 2M | --bytes 4G] [--seed N] [--pcapng] [--nanosecond]`:
 * writes the busy-office-uplink capture.
 */
import { parseArgs } from 'node:util';
import { writeTrafficFile } from './generate';
import { parseQuantity } from './quantity';

const USAGE =
  'usage: npm run bench:traffic -- --out FILE [--packets 2M | --bytes 4G] [--seed N] [--pcapng] [--nanosecond]';

async function main(): Promise<void> {
  const { values } = parseArgs({
    options: {
      out: { type: 'string' },
      packets: { type: 'string' },
      bytes: { type: 'string' },
      seed: { type: 'string', default: '1' },
      pcapng: { type: 'boolean', default: false },
      nanosecond: { type: 'boolean', default: false },
    },
  });
  if (values.out === undefined) throw new Error(USAGE);
  // A million packets unless a count or a size is given.
  const packets =
    values.packets !== undefined
      ? parseQuantity(values.packets, 1000)
      : values.bytes === undefined
        ? 1_000_000
        : undefined;
  const started = performance.now();
  const result = await writeTrafficFile(values.out, {
    seed: Number(values.seed),
    ...(packets === undefined ? {} : { packets }),
    ...(values.bytes === undefined ? {} : { bytes: parseQuantity(values.bytes, 1024) }),
    format: values.pcapng ? 'pcapng' : 'pcap',
    nanosecond: values.nanosecond,
  });
  const seconds = (performance.now() - started) / 1000;
  console.log(
    `${values.out}: ${result.packets.toLocaleString('en-US')} packets, ${(result.fileBytes / 1e6).toFixed(1)} MB, ` +
      `${result.durationSeconds.toFixed(1)} s of traffic, written in ${seconds.toFixed(1)} s`,
  );
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : error);
  process.exitCode = 1;
});

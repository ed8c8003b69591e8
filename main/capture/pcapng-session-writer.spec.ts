import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { framesOf } from '../engine/sources/collect-frames';
import { openCapture } from '../engine/sources/open-capture';
import { numberedFileNames, PcapngSessionWriter, sessionFileNames } from './pcapng-session-writer';
import { batchOf } from './testing/frame-batches';
import { tcpFrame } from './testing/tcp-frames';

async function readBack(path: string): Promise<ReturnType<typeof framesOf>> {
  const source = await openCapture(path);
  const frames = [];
  for await (const batch of source.batches()) frames.push(...framesOf(batch));
  return frames;
}

describe('PcapngSessionWriter', () => {
  let folder: string;
  beforeEach(async () => {
    folder = await mkdtemp(join(tmpdir(), 'ww-c-writer-'));
  });
  afterEach(async () => {
    await rm(folder, { recursive: true, force: true });
  });

  it('should write frames that the engine reads back with their times, lengths and bytes', async () => {
    const writer = new PcapngSessionWriter({
      fileName: numberedFileNames(join(folder, 'out.pcapng')),
      linktype: 1,
      snaplen: 65_535,
      rotateBytes: 1024 * 1024,
    });
    const frames = [1, 2, 3].map((n) => ({
      time: 1_700_000_000 + n * 0.25,
      bytes: tcpFrame({ src: '10.77.50.2', dst: '10.77.50.1', srcPort: 40000 + n, dstPort: n, flags: 0x02 }),
    }));
    writer.write(batchOf(frames));
    writer.close();
    expect(writer.files).toEqual([join(folder, 'out.pcapng')]);
    const back = await readBack(join(folder, 'out.pcapng'));
    expect(back.map((frame) => [frame.seconds, frame.nanos, frame.caplen, frame.linktype])).toEqual(
      frames.map((frame) => [Math.floor(frame.time), Math.round((frame.time % 1) * 1e9), 54, 1]),
    );
    expect(back.map((frame) => [...frame.bytes])).toEqual(frames.map((frame) => [...frame.bytes]));
  });

  it('should start a new file, readable on its own, once the current one passes the rotation size', async () => {
    const writer = new PcapngSessionWriter({
      fileName: sessionFileNames(folder, 'veth0', Date.UTC(2026, 0, 2, 3, 4, 5)),
      linktype: 1,
      snaplen: 65_535,
      rotateBytes: 1000,
    });
    let sent = 0;
    for (let batch = 0; batch < 6; batch++) {
      const frames = Array.from({ length: 5 }, (_, i) => ({
        time: 1_700_000_000 + batch + i / 10,
        bytes: tcpFrame({ src: '10.77.50.2', dst: '10.77.50.1', srcPort: 40000, dstPort: batch * 5 + i, flags: 0x02 }),
      }));
      sent += frames.length;
      writer.write(batchOf(frames));
    }
    writer.close();
    // Each batch of 5 EPBs is 5 × 88 = 440 bytes after headers; a file takes batches until past 1000.
    expect(writer.files.length).toBeGreaterThan(1);
    expect(writer.files[0]).toBe(join(folder, 'wirewatch-veth0-2026-01-02T03-04-05-000Z-00001.pcapng'));
    let read = 0;
    for (const file of writer.files) read += (await readBack(file)).length;
    expect(read).toBe(sent);
  });
});

describe('numberedFileNames', () => {
  it('should keep the named file first and number the rotations before the extension', () => {
    const name = numberedFileNames('/tmp/out.pcapng');
    expect([name(1), name(2), name(12)]).toEqual(['/tmp/out.pcapng', '/tmp/out-00002.pcapng', '/tmp/out-00012.pcapng']);
  });
});

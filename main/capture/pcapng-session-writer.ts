/**
 * "Save the session as pcapng": writes every captured frame to pcapng files in a folder, starting
 * a new file (with its own section and interface headers, so each opens on its own in Wireshark)
 * once the current one passes the rotation size. Frames are written batch by batch as enhanced
 * packet blocks (draft-ietf-opsawg-pcapng §4.3) at microsecond resolution, the format's default.
 */
import { closeSync, mkdirSync, openSync, writeSync } from 'node:fs';
import { dirname, extname, join } from 'node:path';
import type { FrameBatch } from '../engine/sources/frame-batch';
import { writePcapng } from '../engine/sources/write-pcapng';

const EPB = 6;

export interface SessionWriterOptions {
  /** Where file number n (from 1) goes: see sessionFileNames and numberedFileNames. */
  readonly fileName: (n: number) => string;
  readonly linktype: number;
  readonly snaplen: number;
  /** A new file starts once the current one holds this many bytes. */
  readonly rotateBytes: number;
}

/** `wirewatch-<interface>-<start time>-00001.pcapng` and on, in `folder`. */
export function sessionFileNames(folder: string, interfaceName: string, startedAt = Date.now()): (n: number) => string {
  const stamp = new Date(startedAt).toISOString().replace(/[:.]/g, '-');
  return (n) => join(folder, `wirewatch-${interfaceName}-${stamp}-${String(n).padStart(5, '0')}.pcapng`);
}

/** `path` itself first, then `path` with -00002, -00003… before its extension (`--write out.pcapng`). */
export function numberedFileNames(path: string): (n: number) => string {
  const extension = extname(path);
  const stem = path.slice(0, path.length - extension.length);
  return (n) => (n === 1 ? path : `${stem}-${String(n).padStart(5, '0')}${extension}`);
}

export class PcapngSessionWriter {
  readonly #options: SessionWriterOptions;
  readonly #header: Uint8Array;
  readonly #files: string[] = [];
  #fd: number | undefined;
  #written = 0;
  #buffer = Buffer.allocUnsafe(1024 * 1024);

  constructor(options: SessionWriterOptions) {
    this.#options = options;
    // A section with no packets is exactly the section and interface headers each file starts with.
    this.#header = writePcapng([], { interfaces: [{ linktype: options.linktype, snaplen: options.snaplen }] });
  }

  /** Files written so far, oldest first. */
  get files(): readonly string[] {
    return this.#files;
  }

  /** Makes sure a file is open (creating the first one); returns its path. */
  open(): string {
    if (this.#fd === undefined) this.#rotate();
    return this.#files.at(-1) ?? '';
  }

  /** Appends a batch (one write), rotating first if the current file is full. */
  write(batch: FrameBatch): void {
    if (batch.count === 0) return;
    if (this.#fd === undefined || this.#written >= this.#options.rotateBytes) this.#rotate();
    let need = 0;
    for (let i = 0; i < batch.count; i++) need += 32 + pad4(batch.caplens[i] ?? 0);
    if (this.#buffer.length < need) this.#buffer = Buffer.allocUnsafe(need * 2);
    const out = this.#buffer;
    let at = 0;
    for (let i = 0; i < batch.count; i++) {
      const caplen = batch.caplens[i] ?? 0;
      const length = 32 + pad4(caplen);
      const units = (batch.seconds[i] ?? 0) * 1e6 + Math.floor((batch.nanos[i] ?? 0) / 1000);
      out.writeUInt32LE(EPB, at);
      out.writeUInt32LE(length, at + 4);
      out.writeUInt32LE(0, at + 8); // interface 0
      out.writeUInt32LE(Math.floor(units / 2 ** 32), at + 12);
      out.writeUInt32LE(units % 2 ** 32, at + 16);
      out.writeUInt32LE(caplen, at + 20);
      out.writeUInt32LE(batch.wirelens[i] ?? caplen, at + 24);
      const start = batch.offsets[i] ?? 0;
      out.set(batch.data.subarray(start, start + caplen), at + 28);
      out.fill(0, at + 28 + caplen, at + length - 4);
      out.writeUInt32LE(length, at + length - 4);
      at += length;
    }
    this.#writeAll(out.subarray(0, at));
  }

  close(): void {
    if (this.#fd !== undefined) closeSync(this.#fd);
    this.#fd = undefined;
  }

  #rotate(): void {
    this.close();
    const path = this.#options.fileName(this.#files.length + 1);
    mkdirSync(dirname(path), { recursive: true });
    this.#fd = openSync(path, 'w');
    this.#files.push(path);
    this.#written = 0;
    this.#writeAll(this.#header);
  }

  #writeAll(bytes: Uint8Array): void {
    const fd = this.#fd;
    if (fd === undefined) return;
    let done = 0;
    while (done < bytes.length) done += writeSync(fd, bytes, done, bytes.length - done);
    this.#written += bytes.length;
  }
}

function pad4(length: number): number {
  return (length + 3) & ~3;
}

/**
 * Analysis of capture files: recognising a file and, in later steps, decoding it. Files arrive
 * from the drop zone, the file picker, or the OS (argv, open-file, a second instance).
 */
import * as v from 'valibot';
import { request, type } from './contract';

/** Capture formats recognised by their magic bytes, never by extension. */
export type CaptureFormat = 'pcap' | 'pcap-ns' | 'pcapng' | 'gzip';

export interface CaptureFileInfo {
  readonly path: string;
  readonly name: string;
  readonly bytes: number;
  readonly format: CaptureFormat;
  /** Byte order of the header fields; null where the format does not fix one (gzip). */
  readonly byteOrder: 'little' | 'big' | null;
}

const FilePath = v.pipe(v.string(), v.minLength(1), v.maxLength(4096));

export const analysisRequests = {
  /** Reads a file's first bytes and says which capture format it is, or fails with `not-a-capture`. */
  'analysis:inspect': request(v.strictTuple([FilePath]), type<CaptureFileInfo>()),
  /** Files the OS opened before the window could listen; each is returned once. */
  'analysis:take-opened': request(v.strictTuple([]), type<readonly string[]>()),
};

export const analysisEvents = {
  /** The OS asked the running app to open a capture file (double-click, second instance). */
  'analysis:open-file': type<{ readonly path: string }>(),
};

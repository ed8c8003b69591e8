/** Opens a file just far enough to say which capture format it holds. */
import { open } from 'node:fs/promises';
import { basename } from 'node:path';
import type { CaptureFileInfo } from '../../../preload/api/analysis';
import { hexPreview, SNIFF_BYTES, sniffFormat } from './magic';

export type CaptureFileProblem = 'not-found' | 'not-a-file' | 'unreadable' | 'empty' | 'not-a-capture';

/** A file that cannot be analysed, with a message a person can act on. */
export class CaptureFileError extends Error {
  constructor(
    readonly problem: CaptureFileProblem,
    message: string,
  ) {
    super(message);
    this.name = 'CaptureFileError';
  }
}

/** Reads the first bytes of `path` and identifies its format; throws CaptureFileError otherwise. */
export async function inspectCaptureFile(path: string): Promise<CaptureFileInfo> {
  const name = basename(path);
  const handle = await open(path, 'r').catch((error: unknown) => {
    throw openError(path, error);
  });
  try {
    const stats = await handle.stat();
    if (!stats.isFile()) throw new CaptureFileError('not-a-file', `${path} is not a regular file`);
    if (stats.size === 0) throw new CaptureFileError('empty', `${name} is empty (0 bytes)`);
    const head = new Uint8Array(SNIFF_BYTES);
    const { bytesRead } = await handle.read(head, 0, SNIFF_BYTES, 0);
    const sniffed = sniffFormat(head.subarray(0, bytesRead));
    if (sniffed === undefined) {
      throw new CaptureFileError(
        'not-a-capture',
        `${name} is not a capture file: it starts with ${hexPreview(head.subarray(0, bytesRead))}, ` +
          'not a pcap, pcapng or gzip signature',
      );
    }
    return { path, name, bytes: stats.size, ...sniffed };
  } finally {
    await handle.close();
  }
}

function openError(path: string, error: unknown): CaptureFileError {
  const code = (error as NodeJS.ErrnoException | undefined)?.code;
  if (code === 'ENOENT') return new CaptureFileError('not-found', `${path} does not exist`);
  if (code === 'EISDIR') return new CaptureFileError('not-a-file', `${path} is a directory`);
  if (code === 'EACCES' || code === 'EPERM') {
    return new CaptureFileError('unreadable', `${path} cannot be read: permission denied`);
  }
  return new CaptureFileError('unreadable', `${path} cannot be read: ${(error as Error).message}`);
}

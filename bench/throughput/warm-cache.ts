/**
 * Reads a file once so every tool then reads it from the page cache: the benchmark compares
 * packet processing, not whichever tool happened to go first and paid for the disk.
 */
import { open } from 'node:fs/promises';

export async function warmPageCache(path: string): Promise<void> {
  const handle = await open(path, 'r');
  try {
    const buffer = new Uint8Array(8 * 1024 * 1024);
    while ((await handle.read(buffer, 0, buffer.length, null)).bytesRead > 0) {
      // Reading is the point; the bytes are not needed.
    }
  } finally {
    await handle.close();
  }
}

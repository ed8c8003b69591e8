/**
 * A one-line progress bar on stderr, redrawn in place, for terminals only: piped or redirected
 * output gets no bar, so logs and `--json` consumers never see control characters.
 */
import type { AnalysisProgress } from '../../preload/api/analysis';

const WIDTH = 30;

export interface ProgressBar {
  update(progress: Omit<AnalysisProgress, 'id'>): void;
  clear(): void;
}

export function progressBar(stream: NodeJS.WriteStream): ProgressBar {
  if (!stream.isTTY) return { update: () => undefined, clear: () => undefined };
  let drawn = false;
  return {
    update(progress) {
      const fraction = progress.totalBytes > 0 ? Math.min(1, progress.bytesRead / progress.totalBytes) : 0;
      const filled = Math.round(fraction * WIDTH);
      const bar = '#'.repeat(filled) + '-'.repeat(WIDTH - filled);
      const rate = (progress.packetsPerSecond / 1e6).toFixed(2);
      stream.write(
        `\r[${bar}] ${(fraction * 100).toFixed(0).padStart(3)}%  ${progress.packets.toLocaleString('en-US')} packets  ${rate} M/s`,
      );
      drawn = true;
    },
    clear() {
      if (drawn) stream.write('\r\x1b[K');
      drawn = false;
    },
  };
}

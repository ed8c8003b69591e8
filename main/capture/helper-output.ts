/** Reads the control records of a helper run to completion (`--check`). */
import type { HelperControl } from './helper-protocol';
import { HelperStreamReader } from './helper-stream';

export function decodeHelperOutput(stdout: Buffer): HelperControl[] {
  const controls: HelperControl[] = [];
  const reader = new HelperStreamReader({ onBatch: () => undefined, onControl: (message) => controls.push(message) });
  reader.push(stdout);
  return controls;
}

/** Messages and the shared-buffer layout between bench/fuzz/main.ts and its fuzzing threads. */

/** Int32 slots at the start of the shared buffer. */
export const HEARTBEAT = 0;
export const INPUT_LENGTH = 1;
/** Where the current input's bytes start (after the two Int32 slots). */
export const INPUT_BYTES = 8;
/** Inputs longer than this are saved cut short on a hang (mutations rarely grow seeds past a few KiB). */
export const MAX_SAVED_INPUT = 1024 * 1024;

export interface WorkerStart {
  readonly seed: number;
  readonly inputs: number;
  readonly demoPath: string;
  readonly shared: SharedArrayBuffer;
}

export interface WorkerSummary {
  readonly inputs: number;
  readonly bytes: number;
  readonly frames: number;
  readonly findings: number;
  readonly signatures: number;
  readonly results: number;
  readonly problems: readonly (readonly [string, number])[];
}

export type WorkerMessage =
  | { readonly type: 'progress'; readonly done: number; readonly summary: WorkerSummary }
  | {
      readonly type: 'done';
      readonly summary: WorkerSummary;
      readonly findings: readonly { readonly index: number; readonly error: string; readonly input: Uint8Array }[];
    };

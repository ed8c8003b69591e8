/**
 * The scoring side's handle on an inference worker thread: starts it, hands it the checked models,
 * sends batches and resolves each with its verdicts. A worker that dies (crash, out of memory, a
 * kill) rejects every batch not yet scored with InferenceCrashError and stays dead: the caller
 * reports it and carries on without models. Closing it on purpose is not a crash.
 *
 * The worker gets one batch at a time; the rest wait here. onnxruntime runs a session off the JS
 * thread, and a worker thread torn down while a run is under way takes the whole process with it
 * (the binding throws into an environment that is gone): so the worker is only ever stopped
 * between runs, and a closing client first lets the run under way finish.
 */
import { Worker } from 'node:worker_threads';
import type { FromInferenceWorker, ModelVerdicts, ToInferenceWorker, WorkerModel } from '../worker/inference-messages';

export class InferenceCrashError extends Error {
  override name = 'InferenceCrashError';
}

/** What the worker could load. */
export interface LoadOutcome {
  readonly models: readonly string[];
  readonly refused: readonly { readonly name: string; readonly message: string }[];
}

interface Queued {
  readonly batch: number;
  readonly inputs: readonly Float32Array[];
  readonly count: number;
  readonly resolve: (verdicts: readonly ModelVerdicts[]) => void;
  readonly reject: (error: Error) => void;
}

/** How long close() lets a run under way finish before stopping the worker anyway. */
const CLOSE_WAIT_MS = 10_000;

export class InferenceClient {
  readonly #worker: Worker;
  readonly #queue: Queued[] = [];
  readonly #ready: Promise<LoadOutcome>;
  #running: { readonly job: Queued; readonly done: Promise<void> } | null = null;
  #finishRunning: (() => void) | null = null;
  #loaded = false;
  #nextBatch = 1;
  #closing = false;
  #dead: Error | null = null;
  #readyHandlers: { resolve: (outcome: LoadOutcome) => void; reject: (e: Error) => void } | undefined;

  constructor(workerPath: string, models: readonly WorkerModel[]) {
    this.#ready = new Promise((resolve, reject) => (this.#readyHandlers = { resolve, reject }));
    // Rejections of #ready are seen by whoever awaits it; this keeps an unawaited one from being unhandled.
    this.#ready.catch(() => undefined);
    this.#worker = new Worker(workerPath);
    this.#worker.on('message', (message: FromInferenceWorker) => this.#receive(message));
    this.#worker.on('error', (error) =>
      this.#die(new InferenceCrashError(`the inference worker crashed: ${error.message}`)),
    );
    this.#worker.on('exit', (code) => {
      if (!this.#closing)
        this.#die(new InferenceCrashError(`the inference worker stopped unexpectedly (exit code ${code})`));
    });
    this.#send({ type: 'load', models });
  }

  /** The worker thread, for a supervisor that wants to watch or stop it. */
  get worker(): Worker {
    return this.#worker;
  }

  /** Resolves once every model's session is open, or refused by onnxruntime. */
  ready(): Promise<LoadOutcome> {
    return this.#ready;
  }

  /** Scores one batch (the inputs are transferred to the worker when its turn comes). */
  score(inputs: readonly Float32Array[], count: number): Promise<readonly ModelVerdicts[]> {
    if (this.#dead !== null) return Promise.reject(this.#dead);
    return new Promise((resolve, reject) => {
      this.#queue.push({ batch: this.#nextBatch++, inputs, count, resolve, reject });
      this.#pump();
    });
  }

  /** Stops the worker once the run under way (if any) has finished; queued batches are rejected. */
  async close(): Promise<void> {
    this.#closing = true;
    const running = this.#running;
    this.#die(new InferenceCrashError('the inference worker was closed'));
    if (running !== null) {
      let timer: NodeJS.Timeout | undefined;
      await Promise.race([running.done, new Promise<void>((resolve) => (timer = setTimeout(resolve, CLOSE_WAIT_MS)))]);
      clearTimeout(timer);
    }
    await this.#worker.terminate();
  }

  #pump(): void {
    if (!this.#loaded || this.#running !== null || this.#dead !== null) return;
    const job = this.#queue.shift();
    if (job === undefined) return;
    const done = new Promise<void>((resolve) => (this.#finishRunning = resolve));
    this.#running = { job, done };
    this.#send(
      { type: 'score', batch: job.batch, inputs: job.inputs, count: job.count },
      job.inputs.map((rows) => rows.buffer as ArrayBuffer),
    );
  }

  #send(message: ToInferenceWorker, transfer: ArrayBuffer[] = []): void {
    this.#worker.postMessage(message, transfer);
  }

  /** The run under way ended (scored or failed): settle its batch and start the next. */
  #settleRunning(batch: number, outcome: { verdicts: readonly ModelVerdicts[] } | { error: Error }): void {
    const running = this.#running;
    if (running === null || running.job.batch !== batch) return;
    this.#running = null;
    this.#finishRunning?.();
    if ('verdicts' in outcome) running.job.resolve(outcome.verdicts);
    else running.job.reject(outcome.error);
    this.#pump();
  }

  #receive(message: FromInferenceWorker): void {
    switch (message.type) {
      case 'loaded':
        this.#loaded = true;
        this.#readyHandlers?.resolve({ models: message.models, refused: message.refused });
        this.#pump();
        return;
      case 'scored':
        this.#settleRunning(message.batch, { verdicts: message.verdicts });
        return;
      case 'failed':
        // Loading failed: no batch can be scored.
        if (message.batch === null) this.#die(new Error(message.message));
        else this.#settleRunning(message.batch, { error: new Error(message.message) });
        return;
    }
  }

  #die(error: Error): void {
    if (this.#dead !== null) return;
    this.#dead = error;
    this.#readyHandlers?.reject(error);
    const running = this.#running;
    if (running !== null && !this.#closing) {
      // The worker is gone: its run will never report.
      this.#running = null;
      this.#finishRunning?.();
      running.job.reject(error);
    } else if (running !== null) {
      running.job.reject(error);
    }
    for (const job of this.#queue.splice(0)) job.reject(error);
  }
}

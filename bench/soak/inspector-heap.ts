/**
 * The V8 heap of another Node process, read through its inspector (started with
 * `--inspect=127.0.0.1:0`): a full GC first, so the figure is live objects rather than garbage not
 * yet collected, then Runtime.getHeapUsage. Covers the process's main isolate (where `wirewatch
 * capture` runs its engine); worker threads show in the process's RSS only.
 */
import { WebSocket } from 'ws';

/** The `ws://…` address Node prints on stderr when started with --inspect. */
export function inspectorUrl(stderr: string): string | undefined {
  return /Debugger listening on (ws:\/\/127\.0\.0\.1:\d+\/[\w-]+)/.exec(stderr)?.[1];
}

export class InspectorHeap {
  #next = 1;
  readonly #pending = new Map<number, (result: unknown) => void>();

  private constructor(private readonly socket: WebSocket) {
    socket.on('message', (data: Buffer) => {
      const message = JSON.parse(data.toString()) as { id?: number; result?: unknown };
      if (message.id === undefined) return;
      this.#pending.get(message.id)?.(message.result);
      this.#pending.delete(message.id);
    });
  }

  static connect(url: string): Promise<InspectorHeap> {
    return new Promise((resolve, reject) => {
      const socket = new WebSocket(url);
      socket.once('open', () => resolve(new InspectorHeap(socket)));
      socket.once('error', reject);
    });
  }

  #call(method: string): Promise<unknown> {
    const id = this.#next++;
    return new Promise((resolve, reject) => {
      const timer = setTimeout(() => {
        this.#pending.delete(id);
        reject(new Error(`${method}: no answer from the inspector in 30 s`));
      }, 30_000);
      this.#pending.set(id, (result) => {
        clearTimeout(timer);
        resolve(result);
      });
      this.socket.send(JSON.stringify({ id, method }));
    });
  }

  /** Bytes of live heap after a full collection. */
  async usedAfterGc(): Promise<number> {
    await this.#call('HeapProfiler.collectGarbage');
    const usage = (await this.#call('Runtime.getHeapUsage')) as { usedSize: number };
    return usage.usedSize;
  }

  close(): void {
    this.socket.close();
  }
}

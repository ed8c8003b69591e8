/** Where the writer's chunks go: a file through a WriteStream, or anything else with the same shape. */
import { createWriteStream, type WriteStream } from 'node:fs';

export interface ChunkSink {
  /** Resolves once the chunk has been handed to the OS: the caller may then reuse its buffer. */
  write(chunk: Uint8Array): Promise<void>;
  close(): Promise<void>;
}

export class FileSink implements ChunkSink {
  readonly #stream: WriteStream;
  #failure: Error | undefined;

  constructor(path: string) {
    this.#stream = createWriteStream(path);
    // Remember an error the stream reports outside a write (e.g. opening the file) for the next call.
    this.#stream.on('error', (error) => {
      this.#failure = error;
    });
  }

  write(chunk: Uint8Array): Promise<void> {
    if (this.#failure !== undefined) return Promise.reject(this.#failure);
    return new Promise((resolve, reject) => {
      this.#stream.write(chunk, (error) => {
        if (error === null || error === undefined) resolve();
        else reject(error);
      });
    });
  }

  close(): Promise<void> {
    if (this.#failure !== undefined) return Promise.reject(this.#failure);
    return new Promise((resolve, reject) => {
      this.#stream.end((error?: Error | null) => {
        if (error === null || error === undefined) resolve();
        else reject(error);
      });
    });
  }
}

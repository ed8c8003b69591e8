/**
 * A small JSON document on disk, read through a schema and written atomically, for state main
 * must keep while no window is open (settings, the contact list).
 */
import { mkdir, readFile, rename, writeFile } from 'node:fs/promises';
import { dirname } from 'node:path';
import * as v from 'valibot';

export class JsonFile<S extends v.GenericSchema> {
  constructor(
    readonly path: string,
    private readonly schema: S,
  ) {}

  /**
   * Returns the stored value, or `fallback` when there is none yet. A file that exists but does
   * not parse or validate is moved aside (never silently overwritten) so nothing is lost.
   */
  async read(fallback: v.InferOutput<S>): Promise<v.InferOutput<S>> {
    let text: string;
    try {
      text = await readFile(this.path, 'utf8');
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code === 'ENOENT') return fallback;
      throw error;
    }
    try {
      return v.parse(this.schema, JSON.parse(text));
    } catch (error) {
      const aside = `${this.path}.corrupt-${Date.now()}`;
      await rename(this.path, aside);
      console.error(`[store] ${this.path} was unreadable (${(error as Error).message}); kept it as ${aside}`);
      return fallback;
    }
  }

  // Writes run one after another: two at once would share the temporary file (one rename then fails
  // with ENOENT), and an older write could land after a newer one.
  #writing: Promise<void> = Promise.resolve();

  /** Writes through a temporary file and a rename, so a crash never leaves half a document. */
  write(value: v.InferOutput<S>): Promise<void> {
    const written = this.#writing.then(() => this.#writeNow(value));
    // The caller gets this write's failure; the queue only needs to know it is over.
    this.#writing = written.then(
      () => undefined,
      () => undefined,
    );
    return written;
  }

  async #writeNow(value: v.InferOutput<S>): Promise<void> {
    await mkdir(dirname(this.path), { recursive: true });
    const temporary = `${this.path}.${process.pid}.tmp`;
    await writeFile(temporary, `${JSON.stringify(value, null, 2)}\n`, { mode: 0o600 });
    await rename(temporary, this.path);
  }
}

/**
 * The suppressions main applies to every alert before it is published, kept in the data folder
 * (suppressions.json) so they hold for live capture while no window is open and across restarts.
 */
import { join } from 'node:path';
import * as v from 'valibot';
import { SuppressionSchema, type Suppression } from '../../preload/api/alerts';
import { JsonFile } from '../store/json-file';

const StoredSuppressions = v.array(SuppressionSchema);

/** More would make matching every alert a noticeable cost; no one curates a list that long. */
export const MAX_SUPPRESSIONS = 2_000;

export type SuppressionListener = (suppressions: readonly Suppression[]) => void;

export class SuppressionList {
  readonly #file: JsonFile<typeof StoredSuppressions>;
  readonly #listeners = new Set<SuppressionListener>();
  #items: readonly Suppression[] = [];
  #loaded: Promise<void> | undefined;

  constructor(dataDir: string) {
    this.#file = new JsonFile(join(dataDir, 'suppressions.json'), StoredSuppressions);
  }

  /** Reads the file once; later calls wait for that read. */
  load(): Promise<void> {
    this.#loaded ??= this.#file.read([]).then((items) => {
      this.#items = items;
    });
    return this.#loaded;
  }

  /** The list as last loaded or changed (empty until load() resolves). */
  current(): readonly Suppression[] {
    return this.#items;
  }

  async list(): Promise<readonly Suppression[]> {
    await this.load();
    return this.#items;
  }

  /** Adds `suppression`, or replaces the one with its id. */
  async put(suppression: Suppression): Promise<readonly Suppression[]> {
    await this.load();
    const others = this.#items.filter((item) => item.id !== suppression.id);
    if (others.length >= MAX_SUPPRESSIONS) {
      throw new RangeError(`at most ${MAX_SUPPRESSIONS} suppressions are kept; remove some first`);
    }
    const existing = this.#items.findIndex((item) => item.id === suppression.id);
    const next =
      existing === -1
        ? [...this.#items, suppression]
        : this.#items.map((item, index) => (index === existing ? suppression : item));
    return this.#save(next);
  }

  async remove(id: string): Promise<readonly Suppression[]> {
    await this.load();
    return this.#save(this.#items.filter((item) => item.id !== id));
  }

  onChange(listener: SuppressionListener): () => void {
    this.#listeners.add(listener);
    return () => this.#listeners.delete(listener);
  }

  async #save(next: readonly Suppression[]): Promise<readonly Suppression[]> {
    await this.#file.write([...next]);
    this.#items = next;
    for (const listener of this.#listeners) listener(next);
    return next;
  }
}

/**
 * Rule thresholds changed in Settings: stored beside main's settings (thresholds.json, `rule.path` → value text,
 * only the values that differ from their defaults) and handed to every analysis started afterwards. Each value is
 * checked by the same parser as `--threshold` before it is kept; a stored value that no longer parses (a rule's
 * threshold renamed in a newer version) is dropped on reading with a note, and the rest still apply.
 */
import { join } from 'node:path';
import * as v from 'valibot';
import { ContractError } from '../../preload/api/errors';
import type { ThresholdInfo } from '../../preload/api/settings';
import {
  checkedThreshold,
  thresholdCatalogue,
  THRESHOLD_KEYS,
  type ThresholdAssignments,
} from '../engine/detect/threshold-catalogue';
import { RULE_DEFAULTS } from '../engine/detect/rule-set';
import { ThresholdError } from '../engine/detect/thresholds';
import { JsonFile } from '../store/json-file';

const StoredThresholds = v.record(v.string(), v.string());
const KNOWN = new Set(THRESHOLD_KEYS);

export class ThresholdSettings {
  readonly #file: JsonFile<typeof StoredThresholds>;
  #current: ThresholdAssignments | undefined;
  /** Writes in call order, so two quick changes never land out of order. */
  #writes: Promise<unknown> = Promise.resolve();

  constructor(dataDir: string) {
    this.#file = new JsonFile(join(dataDir, 'thresholds.json'), StoredThresholds);
  }

  /** The thresholds set in Settings (only those differing from their defaults). */
  async assignments(): Promise<ThresholdAssignments> {
    this.#current ??= usable(await this.#file.read({}));
    return this.#current;
  }

  async catalogue(): Promise<ThresholdInfo[]> {
    return thresholdCatalogue(await this.assignments());
  }

  /** Sets `key` to `value`; a value equal to the default clears the override. Throws `invalid-threshold`. */
  async set(key: string, value: string): Promise<ThresholdInfo[]> {
    if (!KNOWN.has(key)) throw new ContractError('invalid-threshold', `${key}: no such threshold`);
    let checked: string;
    try {
      checked = checkedThreshold(key, value);
    } catch (error) {
      if (error instanceof ThresholdError) throw new ContractError('invalid-threshold', error.message);
      throw error;
    }
    const others = without(await this.assignments(), key);
    const next = checked === defaultText(key) ? others : { ...others, [key]: checked };
    await this.#save(next);
    return thresholdCatalogue(next);
  }

  async reset(key: string): Promise<ThresholdInfo[]> {
    if (!KNOWN.has(key)) throw new ContractError('invalid-threshold', `${key}: no such threshold`);
    const next = without(await this.assignments(), key);
    await this.#save(next);
    return thresholdCatalogue(next);
  }

  async #save(next: ThresholdAssignments): Promise<void> {
    const write = this.#writes.then(() => this.#file.write(next));
    this.#writes = write.catch((error: unknown) => {
      console.error(`[settings] thresholds not saved: ${error instanceof Error ? error.message : String(error)}`);
    });
    await write;
    this.#current = next;
  }
}

function without(assignments: ThresholdAssignments, key: string): ThresholdAssignments {
  return Object.fromEntries(Object.entries(assignments).filter(([other]) => other !== key));
}

function defaultText(key: string): string | undefined {
  return thresholdCatalogue({}).find((entry) => entry.key === key)?.defaultValue;
}

/** Keeps the stored assignments that still name a threshold and parse; notes the others. */
function usable(stored: Readonly<Record<string, string>>): ThresholdAssignments {
  const kept: Record<string, string> = {};
  for (const [key, value] of Object.entries(stored)) {
    try {
      if (!KNOWN.has(key))
        throw new ThresholdError(`${key}: no such threshold (rules: ${[...RULE_DEFAULTS.keys()].join(', ')})`);
      kept[key] = checkedThreshold(key, value);
    } catch (error) {
      if (!(error instanceof ThresholdError)) throw error;
      console.warn(`[settings] stored threshold ${key}=${value} ignored: ${error.message}`);
    }
  }
  return kept;
}

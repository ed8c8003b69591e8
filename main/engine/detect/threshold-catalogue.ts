/**
 * Every rule threshold as one flat list for people (Settings): its key (`rule.path`, as `--threshold` takes it),
 * its value with the overrides applied, its default, the kind of value it takes, its unit and the reasoning behind
 * the default. Overrides travel as assignments (`{'port_scan.fastPorts': '30'}`), text exactly as the CLI takes it,
 * so one parser (thresholds.ts) checks them whether they come from a command line, Settings or a stored file.
 */
import type { ThresholdInfo, ThresholdValueType } from '../../../preload/api/settings';
import { RULE_DEFAULTS } from './rule-set';
import { thresholdDoc } from './threshold-docs';
import { parseThresholds, ThresholdError, type ThresholdOverrides } from './thresholds';

/** `rule.path` → value text, as stored in Settings. */
export type ThresholdAssignments = Readonly<Record<string, string>>;

/** A leaf of a rule's defaults: its key and value. */
interface Leaf {
  readonly key: string;
  readonly rule: string;
  readonly value: unknown;
}

function leaves(defaults: ReadonlyMap<string, Readonly<Record<string, unknown>>>): Leaf[] {
  const found: Leaf[] = [];
  const walk = (rule: string, prefix: string, value: unknown): void => {
    if (typeof value === 'object' && value !== null && !Array.isArray(value)) {
      for (const [key, inner] of Object.entries(value)) walk(rule, `${prefix}.${key}`, inner);
      return;
    }
    found.push({ key: prefix, rule, value });
  };
  for (const [rule, values] of defaults) walk(rule, rule, values);
  return found;
}

/** The value at `rule.path` of a rule's thresholds. */
function valueAt(thresholds: Readonly<Record<string, unknown>>, path: readonly string[]): unknown {
  let current: unknown = thresholds;
  for (const part of path) {
    if (typeof current !== 'object' || current === null) return undefined;
    current = (current as Record<string, unknown>)[part];
  }
  return current;
}

export function valueText(value: unknown): string {
  if (Array.isArray(value)) return value.join(',');
  return typeof value === 'string' ? value : JSON.stringify(value);
}

function valueType(value: unknown): ThresholdValueType {
  if (Array.isArray(value)) return 'list';
  if (typeof value === 'number') return 'number';
  if (typeof value === 'boolean') return 'boolean';
  return 'text';
}

/** Every threshold key of the rule catalogue, in catalogue order. */
export const THRESHOLD_KEYS: readonly string[] = leaves(RULE_DEFAULTS).map((leaf) => leaf.key);

/** Parses stored assignments into rule overrides; throws ThresholdError naming the first bad one. */
export function overridesFrom(assignments: ThresholdAssignments): ThresholdOverrides {
  return parseThresholds(
    Object.entries(assignments).map(([key, value]) => `${key}=${value}`),
    RULE_DEFAULTS,
  );
}

/**
 * Checks one assignment against the catalogue and returns its value as the parser reads it back
 * (`" 30 "` → `"30"`, `"80, 443"` → `"80,443"`); throws ThresholdError with the reason when it is wrong.
 */
export function checkedThreshold(key: string, value: string): string {
  const overrides = parseThresholds([`${key}=${value}`], RULE_DEFAULTS);
  const [rule, ...path] = key.split('.');
  const thresholds = rule === undefined ? undefined : overrides.get(rule);
  if (thresholds === undefined) throw new ThresholdError(`${key}: no such threshold`);
  return valueText(valueAt(thresholds, path));
}

/** The catalogue for Settings, with `assignments` (already checked) applied. */
export function thresholdCatalogue(assignments: ThresholdAssignments): ThresholdInfo[] {
  return leaves(RULE_DEFAULTS).map((leaf) => {
    const set = assignments[leaf.key];
    const doc = thresholdDoc(leaf.key);
    const defaultValue = valueText(leaf.value);
    return {
      key: leaf.key,
      rule: leaf.rule,
      value: set ?? defaultValue,
      defaultValue,
      type: valueType(leaf.value),
      unit: doc?.unit ?? '',
      reason: doc?.reason ?? '',
      changed: set !== undefined && set !== defaultValue,
    };
  });
}

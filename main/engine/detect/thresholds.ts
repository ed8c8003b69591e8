/**
 * Threshold overrides: `rule.path=value` (e.g. `port_scan.fastPorts=30`,
 * `brute_force.services.22.sessions=20`, `slow_dos.ports=80,8080`), checked against the rule's
 * documented defaults: the rule and the path must exist, and the value must have the default's
 * type (a number, true/false, a comma-separated list of numbers, or text).
 */

/** Overrides per rule, as a partial copy of the rule's defaults. */
export type ThresholdOverrides = ReadonlyMap<string, Readonly<Record<string, unknown>>>;

export class ThresholdError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'ThresholdError';
  }
}

/** Parses `rule.path=value` assignments against each rule's defaults. */
export function parseThresholds(
  assignments: readonly string[],
  defaults: ReadonlyMap<string, Readonly<Record<string, unknown>>>,
): ThresholdOverrides {
  const overrides = new Map<string, Record<string, unknown>>();
  for (const assignment of assignments) {
    const match = /^([a-z_]+)\.([A-Za-z0-9_.]+)=(.*)$/.exec(assignment.trim());
    if (match?.[1] === undefined || match[2] === undefined || match[3] === undefined) {
      throw new ThresholdError(`"${assignment}" is not rule.name=value (e.g. port_scan.fastPorts=30)`);
    }
    const [, rule, path, raw] = match;
    const base = defaults.get(rule);
    if (base === undefined) {
      throw new ThresholdError(`no rule named ${rule}; rules: ${[...defaults.keys()].join(', ')}`);
    }
    const keys = path.split('.');
    const current = overrides.get(rule) ?? structuredClone(base);
    overrides.set(rule, assign(current, keys, raw, `${rule}.${path}`));
  }
  return overrides;
}

function assign(
  target: Record<string, unknown>,
  keys: readonly string[],
  raw: string,
  name: string,
): Record<string, unknown> {
  const [key, ...rest] = keys;
  if (key === undefined || !Object.hasOwn(target, key)) {
    throw new ThresholdError(`${name}: no such threshold; ${describeKeys(target)}`);
  }
  const existing = target[key];
  if (rest.length > 0) {
    if (typeof existing !== 'object' || existing === null || Array.isArray(existing)) {
      throw new ThresholdError(`${name}: ${key} has no parts to set`);
    }
    return { ...target, [key]: assign({ ...(existing as Record<string, unknown>) }, rest, raw, name) };
  }
  return { ...target, [key]: parseLike(existing, raw, name) };
}

function parseLike(existing: unknown, raw: string, name: string): unknown {
  if (typeof existing === 'number') {
    const value = Number(raw);
    if (raw.trim() === '' || !Number.isFinite(value) || value < 0) {
      throw new ThresholdError(`${name}: "${raw}" is not a number of at least 0`);
    }
    return value;
  }
  if (typeof existing === 'boolean') {
    if (raw !== 'true' && raw !== 'false') throw new ThresholdError(`${name}: use true or false, not "${raw}"`);
    return raw === 'true';
  }
  if (Array.isArray(existing)) {
    const values = raw.split(',').map((part) => Number(part.trim()));
    if (values.some((value) => !Number.isInteger(value) || value < 0)) {
      throw new ThresholdError(`${name}: "${raw}" is not a comma-separated list of whole numbers`);
    }
    return values;
  }
  if (typeof existing === 'string') return raw;
  throw new ThresholdError(`${name}: this threshold cannot be set from text`);
}

function describeKeys(target: Readonly<Record<string, unknown>>): string {
  return `it has ${Object.keys(target).join(', ')}`;
}

/** Every settable threshold as `rule.path = value`, for `wirewatch thresholds`. */
export function listThresholds(defaults: ReadonlyMap<string, Readonly<Record<string, unknown>>>): string[] {
  const lines: string[] = [];
  const walk = (prefix: string, value: unknown): void => {
    if (typeof value === 'object' && value !== null && !Array.isArray(value)) {
      for (const [key, inner] of Object.entries(value)) walk(`${prefix}.${key}`, inner);
      return;
    }
    lines.push(`${prefix} = ${Array.isArray(value) ? value.join(',') : String(value)}`);
  };
  for (const [rule, values] of defaults) walk(rule, values);
  return lines;
}

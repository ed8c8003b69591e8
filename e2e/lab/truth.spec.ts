/**
 * Truth files written by lab.sh are what `wirewatch evaluate` and training read. This checks a committed fixture
 * (copied from a lab run) and, when WIREWATCH_LAB_OUT names a lab output folder, every truth file in it.
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import * as v from 'valibot';
import { describe, expect, it } from 'vitest';
import { TruthSchema } from '../../main/engine/evaluate/truth';

const LAB_NET = /^10\.77\.\d{1,3}\.\d{1,3}$/;

function problems(path: string): string[] {
  const parsed = v.safeParse(TruthSchema, JSON.parse(readFileSync(path, 'utf8')));
  if (!parsed.success) return parsed.issues.map((issue) => issue.message);
  const truth = parsed.output;
  const found: string[] = [];
  if (truth.capture.start > truth.capture.end) found.push('capture ends before it starts');
  if (truth.benign && truth.attacks.length > 0) found.push('benign capture with attacks');
  if (!truth.benign && truth.attacks.length === 0) found.push('attack capture without attacks');
  for (const attack of truth.attacks) {
    if (attack.start > attack.end) found.push(`${attack.kind}: ends before it starts`);
    if (attack.start < truth.capture.start || attack.end > truth.capture.end) {
      found.push(`${attack.kind}: outside the capture window`);
    }
    if (attack.attackers.length === 0 || !attack.attackers.every((ip) => LAB_NET.test(ip))) {
      found.push(`${attack.kind}: attackers not in 10.77.0.0/16`);
    }
    if (attack.victim !== null && !LAB_NET.test(attack.victim)) found.push(`${attack.kind}: victim outside the lab`);
  }
  return found;
}

describe('lab truth files', () => {
  const fixtures = join(import.meta.dirname, 'fixtures');

  it('should accept the fixtures written by a lab run', () => {
    const files = readdirSync(fixtures).filter((name) => name.endsWith('.truth.json'));
    expect(files.length).toBeGreaterThan(0);
    for (const name of files) expect(problems(join(fixtures, name)), name).toEqual([]);
  });

  const out = process.env.WIREWATCH_LAB_OUT;
  it.runIf(out !== undefined)('should accept every truth file of the lab output in WIREWATCH_LAB_OUT', () => {
    const dir = out ?? '';
    const files = readdirSync(dir).filter((name) => name.endsWith('.truth.json'));
    expect(files.length).toBeGreaterThan(0);
    for (const name of files) {
      expect(problems(join(dir, name)), name).toEqual([]);
      expect(existsSync(join(dir, name.replace(/\.truth\.json$/, '.pcap'))), `${name} has its capture`).toBe(true);
    }
  });
});

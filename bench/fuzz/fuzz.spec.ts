/**
 * The fast slice of `npm run bench:fuzz`: 20,000 seeded inputs through the capture readers and the
 * decoders, no findings allowed. And proof that the harness reports what it should: a target with a
 * planted bug is caught, with the input that triggers it.
 */
import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { DECODE } from '../../main/engine/decode/result';
import { captureTarget, type FuzzTarget } from './capture-target';
import { fuzz } from './fuzz-loop';
import { seedCorpus } from './seed-corpus';

const DEMO = resolve(import.meta.dirname, '..', '..', 'resources', 'demo', 'demo.pcap');

describe('fuzzing the readers and decoders', () => {
  const seeds = seedCorpus(DEMO);

  it('should start from seeds that all read cleanly, in pcap and pcapng', () => {
    const target = captureTarget();
    const random = () => 0.5;
    const outcomes = seeds.map((seed) => target(seed, random));
    expect(outcomes.map((outcome) => outcome.problem)).toEqual(seeds.map(() => 'none'));
    expect(new Set(outcomes.map((outcome) => outcome.signature.split('|')[3]))).toEqual(
      new Set(['pcap', 'pcap-ns', 'pcapng']),
    );
  });

  it('should run 20,000 mutated captures with no exception and no broken invariant', { timeout: 120_000 }, () => {
    const report = fuzz(seeds, captureTarget(), { inputs: 20_000, seed: 20_261_121 });
    expect(report.kept.map((finding) => finding.error)).toEqual([]);
    expect(report.findings).toBe(0);
    expect(report.inputs).toBe(20_000);
    // The feedback found behaviour beyond the seeds, and the mutations reached the decoders' checks.
    expect(report.signatures.size).toBeGreaterThan(200);
    expect(report.frames).toBeGreaterThan(20_000);
    for (const problem of [
      'none',
      'truncated-record',
      'oversized-record',
      'unknown-format',
      'bad-block-length',
      'garbage',
    ]) {
      expect(report.problems.get(problem) ?? 0, problem).toBeGreaterThan(0);
    }
    for (const result of [DECODE.OK, DECODE.TRUNCATED_IPV4, DECODE.TRUNCATED_TCP, DECODE.BAD_UDP_LENGTH]) {
      expect(report.results & (1 << result), `decode result ${result}`).not.toBe(0);
    }
  });

  it('should report a planted bug with the input that triggers it, and keep going', () => {
    const real = captureTarget();
    // A reader bug stand-in: any input that still holds the pcap magic and is shorter than 100 bytes.
    const planted: FuzzTarget = (input, random) => {
      if (input.length < 100 && input[0] === 0xd4 && input[1] === 0xc3) throw new RangeError('planted');
      return real(input, random);
    };
    const report = fuzz(seeds, planted, { inputs: 3_000, seed: 7, maxFindings: 5 });
    expect(report.inputs).toBe(3_000);
    expect(report.findings).toBeGreaterThan(0);
    expect(report.kept.length).toBeLessThanOrEqual(5);
    for (const finding of report.kept) {
      expect(finding.error).toMatch(/^RangeError: planted/);
      expect(finding.input.length).toBeLessThan(100);
      expect([finding.input[0], finding.input[1]]).toEqual([0xd4, 0xc3]);
    }
  });
});

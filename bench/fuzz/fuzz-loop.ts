/**
 * The mutation fuzzer's loop, with outcome feedback: each input is a seed or an earlier interesting
 * input, mutated one to four times and run through the target; an input whose outcome signature is
 * new joins the corpus. Exceptions (other than a CaptureReadError, the readers' way of refusing a
 * file) and broken invariants are findings, recorded with the input and never stopping the run.
 * Hangs cannot be caught from inside a synchronous loop: bench/fuzz/main.ts watches `onInput` from
 * another thread. Seeded: the same seed, seeds and target give the same run.
 */
import { seededRandom } from '../../common/seeded-random';
import type { FuzzTarget } from './capture-target';
import { mutate } from './mutator';

export interface Finding {
  readonly index: number;
  readonly error: string;
  readonly input: Uint8Array;
}

export interface FuzzOptions {
  readonly inputs: number;
  readonly seed: number;
  /** Interesting inputs kept beside the seeds (oldest dropped first). */
  readonly maxCorpus?: number;
  /** Findings kept with their input (all are counted). */
  readonly maxFindings?: number;
  /** Called with each input before it runs (the hang watchdog copies it out). */
  readonly onInput?: (input: Uint8Array, index: number) => void;
  /** Called every `progressEvery` inputs. */
  readonly onProgress?: (done: number, report: FuzzReport) => void;
  readonly progressEvery?: number;
}

export interface FuzzReport {
  inputs: number;
  bytes: number;
  frames: number;
  findings: number;
  readonly kept: Finding[];
  /** Distinct outcome signatures seen. */
  readonly signatures: Set<string>;
  /** Inputs per reader outcome ('none', 'truncated-record', 'thrown:unknown-format', …). */
  readonly problems: Map<string, number>;
  /** Bit i: some frame decoded to result i. */
  results: number;
  corpus: number;
}

export function fuzz(seeds: readonly Uint8Array[], target: FuzzTarget, options: FuzzOptions): FuzzReport {
  if (seeds.length === 0) throw new Error('the fuzzer needs at least one seed');
  const random = seededRandom(options.seed);
  const maxCorpus = options.maxCorpus ?? 2_000;
  const maxFindings = options.maxFindings ?? 20;
  const progressEvery = options.progressEvery ?? 10_000;
  const interesting: Uint8Array[] = [];
  const report: FuzzReport = {
    inputs: 0,
    bytes: 0,
    frames: 0,
    findings: 0,
    kept: [],
    signatures: new Set(),
    problems: new Map(),
    results: 0,
    corpus: seeds.length,
  };
  const choose = (): Uint8Array => {
    // Half from the seeds (every format stays in play), half from what feedback found.
    const fromSeeds = interesting.length === 0 || random() < 0.5;
    const pool = fromSeeds ? seeds : interesting;
    return pool[Math.floor(random() * pool.length)] ?? new Uint8Array(0);
  };

  for (let index = 0; index < options.inputs; index++) {
    const input = mutate(choose(), choose(), random, 1 + Math.floor(random() * 4));
    options.onInput?.(input, index);
    report.inputs += 1;
    report.bytes += input.length;
    try {
      const outcome = target(input, random);
      report.frames += outcome.frames;
      report.results |= outcome.results;
      report.problems.set(outcome.problem, (report.problems.get(outcome.problem) ?? 0) + 1);
      if (!report.signatures.has(outcome.signature)) {
        report.signatures.add(outcome.signature);
        interesting.push(input);
        if (interesting.length > maxCorpus) interesting.shift();
      }
    } catch (error) {
      report.findings += 1;
      if (report.kept.length < maxFindings) {
        const detail = error instanceof Error ? `${error.name}: ${error.message}\n${error.stack ?? ''}` : String(error);
        report.kept.push({ index, error: detail, input });
      }
    }
    if ((index + 1) % progressEvery === 0) options.onProgress?.(index + 1, report);
  }
  report.corpus = seeds.length + interesting.length;
  return report;
}

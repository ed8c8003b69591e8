/**
 * What the fuzzer runs on each input: the capture reader (format sniffed from the bytes, fed in
 * random chunks) and every frame it yields through the decoders, link layer to DNS — the code a
 * hostile capture file reaches. It checks the invariants the rest of the engine relies on and
 * describes the outcome in a short signature, the fuzzer's feedback: an input whose signature is
 * new has reached behaviour no earlier input did and is kept to be mutated further.
 */
import { DnsFacts, decodePacketDns } from '../../main/engine/decode/dns';
import { decodeFrame } from '../../main/engine/decode/decode-frame';
import { Packet } from '../../main/engine/decode/packet';
import { DECODE_RESULT_COUNT } from '../../main/engine/decode/result';
import { CaptureReadError } from '../../main/engine/sources/capture-read-error';
import { frameInvariantProblem } from '../../main/engine/sources/batch-invariants';
import type { FrameBatch } from '../../main/engine/sources/frame-batch';
import { SniffingParser } from '../../main/engine/sources/sniffing-parser';
import type { Random } from './mutator';

/** An invariant broken: a bug even though nothing threw. */
export class InvariantViolation extends Error {
  override readonly name = 'InvariantViolation';
}

export interface TargetOutcome {
  /** Short description of what the input made the code do (problem kind, decode results, DNS). */
  readonly signature: string;
  readonly problem: string;
  readonly frames: number;
  /** Bit i set: some frame decoded to result i. */
  readonly results: number;
}

export type FuzzTarget = (input: Uint8Array, random: Random) => TargetOutcome;

/** Builds the capture target; it reuses one Packet and one DnsFacts, as the pipeline does. */
export function captureTarget(): FuzzTarget {
  const packet = new Packet();
  const dns = new DnsFacts();

  const decodeBatch = (batch: FrameBatch, inputLength: number, seen: { results: number; dns: number }): void => {
    for (let i = 0; i < batch.count; i++) {
      const problem = frameInvariantProblem(batch, i, inputLength);
      if (problem !== null) throw new InvariantViolation(problem);
      const offset = batch.offsets[i] ?? -1;
      const caplen = batch.caplens[i] ?? -1;
      const result = decodeFrame(batch.data, offset, caplen, batch.linktypes[i] ?? 0, packet);
      if (!(Number.isInteger(result) && result >= 0 && result < DECODE_RESULT_COUNT)) {
        throw new InvariantViolation(`decodeFrame gave an unknown result ${result}`);
      }
      if (packet.payloadLength < 0 || packet.payloadOffset + packet.payloadLength > offset + caplen) {
        throw new InvariantViolation(`payload ${packet.payloadOffset}+${packet.payloadLength} runs past the frame`);
      }
      seen.results |= 1 << result;
      if (decodePacketDns(batch.data, packet, dns)) seen.dns |= 1 << Math.min(dns.answerCount, 3);
    }
  };

  return (input, random) => {
    const parser = new SniffingParser();
    const seen = { results: 0, dns: 0 };
    let frames = 0;
    let problem = 'none';
    try {
      let pos = 0;
      let pushes = 0;
      while (pos < input.length) {
        const size = 1 + Math.floor(random() * (random() < 0.5 ? 64 : input.length));
        for (const batch of parser.push(input.subarray(pos, pos + size))) {
          decodeBatch(batch, input.length, seen);
          frames += batch.count;
        }
        pos += size;
        // Each push consumes its whole chunk, so this bounds the loop; more would be a reader bug.
        if (++pushes > input.length) throw new InvariantViolation('more pushes than bytes');
      }
      const error = parser.end();
      if (error !== undefined) {
        if (!(error instanceof CaptureReadError) || error.framesRead !== frames) {
          throw new InvariantViolation(`end() gave ${String(error)} after ${frames} frames`);
        }
        problem = error.problem;
      }
    } catch (error) {
      if (!(error instanceof CaptureReadError)) throw error;
      problem = `thrown:${error.problem}`;
    }
    return {
      signature: `${problem}|${seen.results.toString(36)}|${seen.dns}|${parser.format ?? '?'}`,
      problem,
      frames,
      results: seen.results,
    };
  };
}

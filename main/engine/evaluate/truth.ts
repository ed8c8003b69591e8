/**
 * The truth file the attack lab writes beside each capture (e2e/lab/lab.sh): which attacks ran,
 * from where, against whom, and when (epoch seconds on the capturing machine's clock, the same
 * clock tcpdump stamps packets with).
 */
import { readFile } from 'node:fs/promises';
import * as v from 'valibot';
import { ALERT_KINDS } from '../../../preload/api/alerts';

const Seconds = v.pipe(v.number(), v.finite());

export const AttackEpisodeSchema = v.object({
  kind: v.picklist(ALERT_KINDS),
  tool: v.string(),
  command: v.optional(v.string()),
  attackers: v.array(v.string()),
  victim: v.nullable(v.string()),
  start: Seconds,
  end: Seconds,
});
export type AttackEpisode = v.InferOutput<typeof AttackEpisodeSchema>;

export const TruthSchema = v.object({
  scenario: v.string(),
  benign: v.boolean(),
  attacks: v.array(AttackEpisodeSchema),
  capture: v.object({ start: Seconds, end: Seconds }),
});
export type Truth = v.InferOutput<typeof TruthSchema>;

/** Reads and checks a truth file; the error names the file and the first field that is wrong. */
export async function readTruth(path: string): Promise<Truth> {
  let value: unknown;
  try {
    value = JSON.parse(await readFile(path, 'utf8'));
  } catch (error) {
    throw new Error(`${path} cannot be read as JSON: ${error instanceof Error ? error.message : String(error)}`, {
      cause: error,
    });
  }
  const parsed = v.safeParse(TruthSchema, value);
  if (!parsed.success) {
    const [issue] = parsed.issues;
    const where = issue.path?.map((item) => String(item.key)).join('.') ?? '(top level)';
    throw new Error(`${path} is not a truth file: ${where}: ${issue.message}`);
  }
  return parsed.output;
}

/** Where the lab puts a capture's truth: `x.pcap` -> `x.truth.json`. */
export function truthPathFor(capture: string): string {
  return capture.replace(/\.(pcapng|pcap|cap)(\.gz)?$/i, '') + '.truth.json';
}

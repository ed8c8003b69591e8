/** A lab corpus folder (e2e/lab/lab.sh's output): every `x.pcap` with its `x.truth.json`, by name. */
import { readdir } from 'node:fs/promises';
import { join } from 'node:path';
import { truthPathFor } from '../evaluate/truth';
import type { DatasetInput } from './flow-dataset';

export async function labCorpus(folder: string): Promise<DatasetInput[]> {
  const entries = await readdir(folder);
  const present = new Set(entries);
  const captures = entries.filter((entry) => /\.(pcap|pcapng)(\.gz)?$/i.test(entry)).sort();
  const inputs: DatasetInput[] = [];
  for (const capture of captures) {
    const truth = truthPathFor(capture);
    if (!present.has(truth)) continue;
    inputs.push({ capture: join(folder, capture), truthPath: join(folder, truth) });
  }
  if (inputs.length === 0) throw new Error(`${folder} holds no captures with truth files (x.pcap + x.truth.json)`);
  return inputs;
}

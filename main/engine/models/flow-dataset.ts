/**
 * Flows of capture files turned into a training set: every closed flow's scaled features (one
 * float32 row each), its label, and a fingerprint of the files it came from (sha256 of each, in
 * order) so a manifest can say exactly what a model was trained on.
 */
import { createHash } from 'node:crypto';
import { createReadStream } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { basename } from 'node:path';
import * as v from 'valibot';
import { TruthSchema, type Truth } from '../evaluate/truth';
import type { FlowRecord } from '../flows/flow-record';
import { analyzeCapture } from '../pipeline';
import { labelFlow, labHosts, type FlowLabel, type LabHosts } from './flow-labels';
import { writeFlowVector, type ModelFeature } from './model-features';

export interface FlowDataset {
  readonly features: readonly ModelFeature[];
  /** Row-major, `features.length` columns. */
  readonly rows: Float32Array;
  readonly count: number;
  readonly labels: readonly FlowLabel[];
  /** Index into `files` of each row's capture. */
  readonly fileOfRow: Uint16Array;
  /** Each row's parties and start, for grouping flows as the detector does. */
  readonly parties: readonly FlowParties[];
  readonly files: readonly DatasetFile[];
}

export interface FlowParties {
  readonly src: string;
  readonly dst: string;
  readonly time: number;
}

export interface DatasetFile {
  readonly name: string;
  readonly sha256: string;
  readonly flows: number;
  /** The truth file's sha256, when the capture came with one. */
  readonly truthSha256: string | null;
}

/** A capture to learn from, with its truth (null: all its traffic is normal). */
export interface DatasetInput {
  readonly capture: string;
  readonly truthPath: string | null;
}

export async function sha256File(path: string): Promise<string> {
  const hash = createHash('sha256');
  for await (const chunk of createReadStream(path)) hash.update(chunk as Buffer);
  return hash.digest('hex');
}

async function readTruthWithHosts(path: string): Promise<{ truth: Truth; hosts: LabHosts; sha256: string }> {
  const text = await readFile(path, 'utf8');
  const raw: unknown = JSON.parse(text);
  const parsed = v.safeParse(TruthSchema, raw);
  if (!parsed.success) throw new Error(`${path} is not a truth file: ${parsed.issues[0].message}`);
  return { truth: parsed.output, hosts: labHosts(raw), sha256: createHash('sha256').update(text).digest('hex') };
}

/** Reads every capture's flows (the packet engine without detectors) into one data set. */
export async function buildFlowDataset(
  inputs: readonly DatasetInput[],
  features: readonly ModelFeature[],
): Promise<FlowDataset> {
  const width = features.length;
  let rows = new Float32Array(width * 4096);
  let count = 0;
  const labels: FlowLabel[] = [];
  const fileOfRow: number[] = [];
  const parties: FlowParties[] = [];
  const files: DatasetFile[] = [];
  for (const [index, input] of inputs.entries()) {
    const labelled = input.truthPath === null ? null : await readTruthWithHosts(input.truthPath);
    let flows = 0;
    const add = (flow: FlowRecord): void => {
      if ((count + 1) * width > rows.length) {
        const grown = new Float32Array(rows.length * 2);
        grown.set(rows);
        rows = grown;
      }
      writeFlowVector(flow, features, rows, count * width);
      labels.push(labelled === null ? 'benign' : labelFlow(flow, labelled.truth, labelled.hosts));
      fileOfRow.push(index);
      parties.push({ src: flow.src, dst: flow.dst, time: flow.first_seen });
      count += 1;
      flows += 1;
    };
    const summary = await analyzeCapture(input.capture, { onFlow: add });
    if (summary.problem !== null) throw new Error(`${input.capture}: ${summary.problem.message}`);
    files.push({
      name: basename(input.capture),
      sha256: await sha256File(input.capture),
      flows,
      truthSha256: labelled?.sha256 ?? null,
    });
  }
  return {
    features,
    rows: rows.slice(0, count * width),
    count,
    labels,
    fileOfRow: Uint16Array.from(fileOfRow),
    parties,
    files,
  };
}

/** One sha256 over the files' names and hashes, in order: the data set's fingerprint. */
export function datasetSha256(files: readonly DatasetFile[]): string {
  const hash = createHash('sha256');
  for (const file of files) hash.update(`${file.name}\t${file.sha256}\t${file.truthSha256 ?? '-'}\n`);
  return hash.digest('hex');
}

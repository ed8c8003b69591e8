import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { captureOutput } from '../testing/captured-output';
import { runCli } from '../cli';
import { ETHERNET_IPV4, IPV4_UDP_DNS, UDP_DNS_QUERY } from '../engine/decode/fixtures';
import { hex } from '../engine/decode/hex';
import type { Evaluation } from '../engine/evaluate/score';
import { writePcap } from '../engine/sources/write-pcap';

let dir: string;
let capture: string;
const output = captureOutput();

beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'wirewatch-evaluate-'));
  capture = join(dir, 'quiet.pcap');
  const frames = [0, 1, 2].map((index) => ({
    seconds: 1_700_000_000 + index,
    nanos: 0,
    bytes: hex(ETHERNET_IPV4 + IPV4_UDP_DNS + UDP_DNS_QUERY),
  }));
  await writeFile(capture, writePcap(frames));
  await writeFile(
    join(dir, 'quiet.truth.json'),
    JSON.stringify({
      scenario: 'quiet',
      benign: true,
      attacks: [],
      capture: { start: 1_700_000_000, end: 1_700_000_000 + 1800 },
    }),
  );
});
afterAll(async () => {
  await rm(dir, { recursive: true, force: true });
});

describe('wirewatch evaluate', () => {
  it('should score a capture against the truth file beside it', async () => {
    expect(await runCli(['evaluate', capture, '--json'])).toBe(0);
    const result = JSON.parse(output.stdout()) as Evaluation;
    expect(result).toMatchObject({
      captures: 1,
      episodes: 0,
      alerts: 0,
      benignHours: 0.5,
      falseAlertsPerBenignHour: 0,
    });
  });

  it('should print a table for people', async () => {
    expect(await runCli(['evaluate', capture])).toBe(0);
    expect(output.stdout()).toMatch(
      /Alerts {4}0; false 0; on benign-only captures 0 over 0\.50 h \(0\.00 per benign hour\)/,
    );
  });

  it('should exit 1 with one line when the truth is missing', async () => {
    const lonely = join(dir, 'lonely.pcap');
    await writeFile(lonely, writePcap([]));
    expect(await runCli(['evaluate', lonely])).toBe(1);
    expect(output.stderr()).toMatch(/^wirewatch evaluate: .*lonely\.truth\.json cannot be read as JSON: ENOENT/);
  });

  it('should exit 2 without a capture or with --truth for several', async () => {
    expect(await runCli(['evaluate'])).toBe(2);
    expect(await runCli(['evaluate', capture, capture, '--truth', 'x.json'])).toBe(2);
  });
});

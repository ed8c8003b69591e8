// The cards over a summary the real engine produced from a real capture file.
import { render, screen } from '@testing-library/svelte';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ETHERNET_IPV4, ICMP_ECHO_REQUEST, IPV4_ICMP } from '../../../main/engine/decode/fixtures';
import { hex } from '../../../main/engine/decode/hex';
import { analyzeCapture } from '../../../main/engine/pipeline';
import { writePcap } from '../../../main/engine/sources/write-pcap';
import type { AnalysisSummary } from '../../../preload/api';
import SummaryCards from './SummaryCards.svelte';

let dir: string;
let summary: AnalysisSummary;

beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'wirewatch-cards-'));
  const path = join(dir, 'ping.pcap');
  const frame = hex(ETHERNET_IPV4 + IPV4_ICMP + ICMP_ECHO_REQUEST);
  await writeFile(
    path,
    writePcap([0, 1, 2].map((index) => ({ seconds: 1_700_000_000 + index, nanos: 0, bytes: frame }))),
  );
  summary = await analyzeCapture(path);
});

afterAll(async () => {
  await rm(dir, { recursive: true, force: true });
});

describe('SummaryCards', () => {
  it('should show the headline numbers and no warning when there was none', () => {
    render(SummaryCards, { summary, zone: 'utc' });
    expect(screen.getByTestId('summary-packets')).toHaveTextContent('3');
    expect(screen.queryByTestId('summary-warning')).toBeNull();
  });

  it('should say what went wrong without stopping the analysis', () => {
    const warning =
      'model scoring stopped: the inference worker stopped unexpectedly (exit code 1); the analysis continued with the rules only';
    render(SummaryCards, { summary: { ...summary, warnings: [warning] }, zone: 'utc' });
    expect(screen.getByTestId('summary-warning')).toHaveTextContent(warning);
  });
});

/**
 * View Alerts with 200,000 alerts, in Debian's Chromium through the browser host, as a person
 * would use it: seeds alerts into the app's IndexedDB with the app's own intake, times the query
 * builder for the common filters beside the peer (read every record, filter in JavaScript), then
 * times the real page: first paint of the table, a search through the URL, and jumps of the
 * virtualised table's scroll, acknowledging an alert and incoming batches while the page is open.
 *
 *   npm run build && npm run bench:alerts [-- --alerts 200000 --runs 3 --page-only --bin <other build>/bin/wirewatch.cjs]
 */
import { build } from 'esbuild';
import { chromium } from '@playwright/test';
import { cpus, loadavg } from 'node:os';
import { resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { CHROMIUM_ARGS, CHROMIUM_PATH } from '../../e2e/support/chromium';
import { REPO_ROOT } from '../throughput/repo-paths';
import type { AlertBenchApi, Timing } from './page-bench';
import { serve } from './serve';

const { values } = parseArgs({
  options: {
    alerts: { type: 'string', default: '200000' },
    runs: { type: 'string', default: '3' },
    // Another build's `wirewatch` (a copy of bin/ and dist/ from before a change), for a baseline.
    bin: { type: 'string' },
    // Only the page: skip timing the query builder against the full scan.
    'page-only': { type: 'boolean', default: false },
  },
});
const COUNT = Number(values.alerts);

/** The page's globals the in-page steps use, typed here because bench/ is checked without the DOM library. */
interface PageElement {
  scrollTop: number;
  readonly scrollHeight: number;
  readonly textContent: string | null;
  querySelector(selector: string): PageElement | null;
  click(): void;
}
interface PageGlobals {
  readonly document: { querySelector(selector: string): PageElement | null };
  readonly location: { hash: string };
  requestAnimationFrame(callback: () => void): number;
  readonly wirewatchAlertBench?: AlertBenchApi;
}

const RUNS = Number(values.runs);
const JUMPS = 30;
const ACKS = 5;
const BATCHES = 3;
const BATCH = 2_000;

/** Percentiles of sorted milliseconds, as printed. */
function spread(sorted: readonly number[]): string {
  const at = (fraction: number): string =>
    (sorted[Math.min(sorted.length - 1, Math.floor(sorted.length * fraction))] ?? 0).toFixed(0);
  return `p50 ${at(0.5)} ms, p95 ${at(0.95)} ms, max ${at(1)} ms`;
}

function pad(text: string, width: number): string {
  return text.length >= width ? text : text + ' '.repeat(width - text.length);
}

async function main(): Promise<void> {
  const bundle = await build({
    entryPoints: [resolve(REPO_ROOT, 'bench', 'alerts', 'page-bench.ts')],
    bundle: true,
    format: 'iife',
    platform: 'browser',
    target: 'chrome120',
    write: false,
    logLevel: 'warning',
  });
  const script = bundle.outputFiles[0]?.text ?? '';
  const host = await serve(values.bin === undefined ? undefined : resolve(values.bin));
  const browser = await chromium.launch({ executablePath: CHROMIUM_PATH, args: CHROMIUM_ARGS });
  try {
    // The app's CSP allows no inline script; the bench injects its seeding code, so CSP is bypassed here only.
    const page = await browser.newPage({ viewport: { width: 1600, height: 1000 }, bypassCSP: true });
    // The page's own errors, so a failing step says why.
    page.on('pageerror', (error) => console.error(`page error: ${error.message}`));
    page.on('console', (message) => {
      if (message.type() === 'error') console.error(`page console: ${message.text()}`);
    });
    await page.goto(`${host.url}#/settings`);
    await page.addScriptTag({ content: script });

    console.log(`seeding ${COUNT.toLocaleString('en-US')} alerts through the intake (batches of 2,000) …`);
    const seeded = await page.evaluate(
      ([count]) => {
        const api = (globalThis as unknown as PageGlobals).wirewatchAlertBench;
        if (api === undefined) throw new Error('the bench script did not load');
        return api.seed(count ?? 0, 2_000);
      },
      [COUNT],
    );
    console.log(
      `stored ${seeded.stored.toLocaleString('en-US')} alerts in ${(seeded.ms / 1000).toFixed(1)} s ` +
        `(${Math.round(seeded.stored / (seeded.ms / 1000)).toLocaleString('en-US')} alerts/s)\n`,
    );

    if (!values['page-only']) {
      const timings = await page.evaluate(
        ([runs]) => {
          const api = (globalThis as unknown as PageGlobals).wirewatchAlertBench;
          if (api === undefined) throw new Error('the bench script did not load');
          return api.measure(runs ?? 1);
        },
        [RUNS],
      );
      printTimings(timings);
    }

    // The real page.
    const shown = page.getByRole('status', { name: 'Alerts shown' });
    const everything = `${COUNT.toLocaleString('en-US')} of `;
    let started = Date.now();
    await page.goto(`${host.url}#/alerts`);
    await page
      .locator('.alert-body [aria-rowindex="2"] [role="gridcell"]')
      .first()
      .filter({ hasNotText: '…' })
      .waitFor({ timeout: 120_000 });
    const firstRows = Date.now() - started;
    await shown.filter({ hasText: everything }).waitFor({ timeout: 120_000 });
    const tablePaint = Date.now() - started;
    await page.getByLabel('Top alert kinds').waitFor({ timeout: 120_000 });
    const chartsPaint = Date.now() - started;

    started = Date.now();
    await page.evaluate(() => {
      (globalThis as unknown as PageGlobals).location.hash = '#/alerts?kind=brute_force&src=10.77.0.0%2F16';
    });
    // Done when the count is the search's, no longer every alert's.
    await shown.filter({ hasText: 'match' }).filter({ hasNotText: everything }).waitFor({ timeout: 60_000 });
    const search = Date.now() - started;
    await page.evaluate(() => {
      (globalThis as unknown as PageGlobals).location.hash = '#/alerts';
    });
    await shown.filter({ hasText: everything }).waitFor({ timeout: 120_000 });
    // Scroll once the charts are drawn, so the jumps measure the table alone.
    await page.getByLabel('Top alert kinds').waitFor({ timeout: 120_000 });

    const jumps = await page.evaluate(async (count: number) => {
      const globals = globalThis as unknown as PageGlobals;
      const body = globals.document.querySelector('.alert-body');
      if (body === null) throw new Error('no alerts table');
      const times: number[] = [];
      for (let i = 1; i <= count; i++) {
        const started = performance.now();
        // Spread over the whole list, in an order that jumps back and forth.
        body.scrollTop = (body.scrollHeight * ((i * 7) % (count + 1))) / (count + 1);
        const row = Math.floor(body.scrollTop / 30) + 2;
        for (;;) {
          await new Promise<void>((done) => globals.requestAnimationFrame(done));
          const cell = body.querySelector(`[aria-rowindex="${row + 3}"] [role="gridcell"]`);
          if (cell !== null && cell.textContent?.trim() !== '…') break;
          if (performance.now() - started > 60_000) throw new Error('rows did not render within 60 s of a scroll');
        }
        times.push(performance.now() - started);
      }
      return times.sort((a, b) => a - b);
    }, JUMPS);

    console.log(`\nthe page with ${COUNT.toLocaleString('en-US')} alerts (Chromium, browser host):`);
    console.log(`  first rows shown               ${firstRows} ms`);
    console.log(`  count shown                    ${tablePaint} ms`);
    console.log(`  charts drawn                   ${chartsPaint} ms`);
    console.log(`  search kind + CIDR via the URL ${search} ms`);
    console.log(`  scroll jump to rows rendered   ${spread(jumps)} (${jumps.length} jumps)`);

    // Acknowledge: open a row in the middle of the list, press Acknowledge, wait for its status cell.
    const acks = await page.evaluate(async (count: number) => {
      const globals = globalThis as unknown as PageGlobals;
      const frame = (): Promise<void> => new Promise<void>((done) => globals.requestAnimationFrame(done));
      const until = async (what: string | (() => string), test: () => boolean): Promise<void> => {
        const started = performance.now();
        while (!test()) {
          await frame();
          if (performance.now() - started > 30_000)
            throw new Error(`${typeof what === 'string' ? what : what()} did not happen within 30 s`);
        }
      };
      const body = globals.document.querySelector('.alert-body');
      if (body === null) throw new Error('no alerts table');
      body.scrollTop = body.scrollHeight / 2;
      const times: { ms: number; scrollKept: boolean }[] = [];
      for (let i = 0; i < count; i++) {
        const index = Math.floor(body.scrollTop / 30) + 2 + i;
        const cell = (): PageElement | null =>
          body.querySelector(`[aria-rowindex="${index + 2}"] [role="gridcell"]:last-child`);
        await until('the row to render', () => (cell()?.textContent?.trim() ?? '…') !== '…');
        body.querySelector(`[aria-rowindex="${index + 2}"]`)?.click();
        const button = (): PageElement | null => globals.document.querySelector('.alert-details [role="group"] button');
        await until('the details to open', () => button()?.textContent?.trim() === 'Acknowledge');
        const scrollBefore = body.scrollTop;
        const started = performance.now();
        button()?.click();
        await until(
          () =>
            `the row to show acknowledged (row ${index}: ${body.querySelector(`[aria-rowindex="${index + 2}"]`)?.textContent ?? 'none'}; ` +
            `details: ${globals.document.querySelector('.alert-details')?.textContent?.slice(0, 300) ?? 'none'})`,
          () => cell()?.textContent?.trim() === 'acknowledged',
        );
        times.push({ ms: performance.now() - started, scrollKept: body.scrollTop === scrollBefore });
      }
      return times;
    }, ACKS);

    // Incoming batches while the page is open, written the way the intake writes them.
    // The alert at the top of the table's window, once its row is rendered (the list is scrolled to its middle).
    const topRow = (): Promise<string> =>
      page.evaluate(async () => {
        const globals = globalThis as unknown as PageGlobals;
        const body = globals.document.querySelector('.alert-body');
        if (body === null) throw new Error('no alerts table');
        const started = performance.now();
        for (;;) {
          const row = body.querySelector(`[aria-rowindex="${Math.ceil(body.scrollTop / 30) + 2}"]`);
          const text = row?.textContent?.trim() ?? '…';
          if (text !== '…' && !text.endsWith('…')) return text;
          if (performance.now() - started > 60_000) throw new Error('the top row did not render within 60 s');
          await new Promise<void>((done) => globals.requestAnimationFrame(done));
        }
      });
    const topBefore = await topRow();
    const batches: { writeMs: number; shownMs: number; tableMs: number }[] = [];
    for (let i = 0; i < BATCHES; i++) {
      started = Date.now();
      const total = await page.evaluate(
        ([size, seed]) => {
          const api = (globalThis as unknown as PageGlobals).wirewatchAlertBench;
          if (api === undefined) throw new Error('the bench script did not load');
          return api.incoming(size ?? 0, seed ?? 0);
        },
        [BATCH, 100 + i],
      );
      const writeMs = Date.now() - started;
      await shown.filter({ hasText: `${total.toLocaleString('en-US')} of ` }).waitFor({ timeout: 120_000 });
      const shownMs = Date.now() - started - writeMs;
      // The table holds the new alerts once it is as many rows tall (plus its header row).
      await page
        .locator(`[role="grid"][aria-rowcount="${total + 1}"]`)
        .waitFor({ state: 'attached', timeout: 120_000 });
      batches.push({ writeMs, shownMs, tableMs: Date.now() - started - writeMs });
    }

    const topKept = (await topRow()) === topBefore;
    const [load1, load5] = loadavg();
    console.log(
      `  acknowledge to row updated     ${spread(acks.map((ack) => ack.ms).sort((a, b) => a - b))} (${acks.length}; ` +
        `scroll position ${acks.every((ack) => ack.scrollKept) ? 'kept' : 'LOST'})`,
    );
    console.log(
      `  incoming ${BATCH.toLocaleString('en-US')} alerts: written ${spread(batches.map((batch) => batch.writeMs).sort((a, b) => a - b))}, ` +
        `then count shown ${spread(batches.map((batch) => batch.shownMs).sort((a, b) => a - b))}, ` +
        `table updated ${spread(batches.map((batch) => batch.tableMs).sort((a, b) => a - b))} (${batches.length} batches; ` +
        `the alert at the top of the window ${topKept ? 'stayed there' : 'MOVED'})`,
    );
    console.log(
      `  load average ${load1?.toFixed(2) ?? '?'} (1 min), ${load5?.toFixed(2) ?? '?'} (5 min) on ${cpus().length} cores`,
    );
  } finally {
    await browser.close();
    await host.stop();
  }
}

function printTimings(timings: readonly Timing[]): void {
  console.log(`${pad('filter', 42)} ${pad('matches', 9)} ${pad('Wirewatch', 11)} ${pad('full scan', 11)} speed-up`);
  for (const timing of timings) {
    console.log(
      `${pad(timing.name, 42)} ${pad(timing.matches.toLocaleString('en-US'), 9)} ${pad(`${timing.indexedMs.toFixed(0)} ms`, 11)} ` +
        `${pad(`${timing.scanMs.toFixed(0)} ms`, 11)} ${(timing.scanMs / timing.indexedMs).toFixed(1)}×${timing.agree ? '' : '  (results differ!)'}`,
    );
  }
}

main().catch((error: unknown) => {
  console.error(error);
  process.exitCode = 1;
});

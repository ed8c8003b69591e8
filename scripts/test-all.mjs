// The whole test suite, as the README and CI run it: lint, type-check, unit tests, build, end-to-end.
// Every stage runs even when an earlier one failed (except e2e without a build), so one run shows
// everything that is wrong; the last line gives the counts, and the exit code is non-zero on any failure.
import { spawnSync } from 'node:child_process';
import { existsSync, readFileSync, rmSync } from 'node:fs';

const VITEST_RESULTS = '.vitest-results.json';
const PLAYWRIGHT_RESULTS = '.playwright-results.json';
const npx = process.platform === 'win32' ? 'npx.cmd' : 'npx';
const npm = process.platform === 'win32' ? 'npm.cmd' : 'npm';

const stages = [
  { name: 'lint', command: [npm, 'run', '--silent', 'lint'] },
  { name: 'typecheck', command: [npm, 'run', '--silent', 'typecheck'] },
  {
    name: 'unit',
    command: [npx, 'vitest', 'run', '--reporter=default', '--reporter=json', `--outputFile.json=${VITEST_RESULTS}`],
  },
  { name: 'build', command: [npm, 'run', '--silent', 'build'] },
  { name: 'e2e', command: [npx, 'playwright', 'test'], needs: 'build' },
];

rmSync(VITEST_RESULTS, { force: true });
rmSync(PLAYWRIGHT_RESULTS, { force: true });

const outcome = new Map();
for (const stage of stages) {
  if (stage.needs !== undefined && outcome.get(stage.needs) !== 'ok') {
    outcome.set(stage.name, `not run (${stage.needs} failed)`);
    continue;
  }
  console.log(`\n=== ${stage.name}: ${stage.command.join(' ')}`);
  const [command, ...args] = stage.command;
  const started = Date.now();
  const result = spawnSync(command, args, { stdio: 'inherit' });
  const seconds = ((Date.now() - started) / 1000).toFixed(1);
  outcome.set(
    stage.name,
    result.status === 0 ? 'ok' : `FAILED (exit ${result.status ?? result.signal}) after ${seconds} s`,
  );
  if (result.status === 0) outcome.set(`${stage.name}:seconds`, seconds);
}

const counts = { passed: 0, failed: 0, skipped: 0 };
const skipReasons = new Set();

if (existsSync(VITEST_RESULTS)) {
  const unit = JSON.parse(readFileSync(VITEST_RESULTS, 'utf8'));
  counts.passed += unit.numPassedTests;
  counts.failed += unit.numFailedTests;
  counts.skipped += unit.numPendingTests + unit.numTodoTests;
  // A unit test that skips itself for a reason (the attack lab without root) says why in its task meta.
  for (const file of unit.testResults ?? []) {
    for (const test of file.assertionResults ?? []) {
      if (test.status === 'skipped' && typeof test.meta?.skipReason === 'string') {
        skipReasons.add(`[unit] ${test.meta.skipReason}`);
      }
    }
  }
  outcome.set('unit', `${outcome.get('unit')}: ${unit.numPassedTests} passed, ${unit.numFailedTests} failed`);
}
if (existsSync(PLAYWRIGHT_RESULTS)) {
  const e2e = JSON.parse(readFileSync(PLAYWRIGHT_RESULTS, 'utf8'));
  counts.passed += e2e.stats.expected + e2e.stats.flaky;
  counts.failed += e2e.stats.unexpected;
  counts.skipped += e2e.stats.skipped;
  collectSkips(e2e.suites ?? []);
  outcome.set(
    'e2e',
    `${outcome.get('e2e')}: ${e2e.stats.expected} passed, ${e2e.stats.unexpected} failed, ${e2e.stats.skipped} skipped`,
  );
}

function collectSkips(suites) {
  for (const suite of suites) {
    for (const spec of suite.specs ?? []) {
      for (const test of spec.tests ?? []) {
        for (const note of test.annotations ?? []) {
          if (note.type === 'skip') skipReasons.add(`[${test.projectName}] ${note.description ?? 'no reason given'}`);
        }
      }
    }
    collectSkips(suite.suites ?? []);
  }
}

console.log('\n=== summary');
for (const stage of stages) console.log(`${stage.name.padEnd(10)} ${outcome.get(stage.name)}`);
for (const reason of skipReasons) console.log(`skipped: ${reason}`);
const failedStages = stages.filter(
  (stage) => outcome.get(stage.name) !== 'ok' && !outcome.get(stage.name).startsWith('ok:'),
);
if (failedStages.length > 0 && counts.failed === 0) counts.failed = failedStages.length;
console.log(`tests: ${counts.passed} passed, ${counts.failed} failed, ${counts.skipped} skipped`);
process.exitCode = failedStages.length === 0 ? 0 : 1;

// `npm run train [-- CORPUS] [--heldout DIR] [--out DIR]`: rebuilds the shipped models (models/*.onnx
// + manifests) from a lab corpus, seeded and reproducible. The trainer is TypeScript: bundle it
// with esbuild (as the benchmarks are), then run it with the same arguments. The corpus defaults
// to $WIREWATCH_LAB_CORPUS, else e2e/lab/out.
import { build } from 'esbuild';
import { spawnSync } from 'node:child_process';

const outfile = 'node_modules/.cache/wirewatch-train/train.cjs';
await build({
  entryPoints: ['main/engine/models/train-lab-main.ts'],
  outfile,
  bundle: true,
  platform: 'node',
  target: 'node20',
  format: 'cjs',
  packages: 'external',
  sourcemap: true,
  logLevel: 'warning',
});
const run = spawnSync(process.execPath, ['--enable-source-maps', outfile, ...process.argv.slice(2)], {
  stdio: 'inherit',
});
process.exit(run.status ?? 1);

// Builds the three parts of the app into dist/: the renderer with Vite, the main process and CLI
// with esbuild (CommonJS, dependencies left to node_modules), and the preload as one CommonJS file
// (a sandboxed preload can require nothing but electron, so everything else is bundled in).
import { build as esbuild } from 'esbuild';
import { readFile, rm } from 'node:fs/promises';
import { build as vite } from 'vite';

const pkg = JSON.parse(await readFile(new URL('../package.json', import.meta.url), 'utf8'));
const define = { __WIREWATCH_VERSION__: JSON.stringify(pkg.version) };
const common = {
  bundle: true,
  platform: 'node',
  target: 'node20',
  format: 'cjs',
  sourcemap: true,
  logLevel: 'warning',
};

await rm('dist', { recursive: true, force: true });
await Promise.all([
  esbuild({
    ...common,
    entryPoints: {
      index: 'main/index.ts',
      cli: 'main/cli.ts',
      'analysis-worker': 'main/engine/worker/analysis-worker.ts',
      'inference-worker': 'main/engine/worker/inference-worker.ts',
      'capture-helper': 'main/capture/capture-helper.ts',
      'live-worker': 'main/capture/live-worker.ts',
    },
    outdir: 'dist/main',
    outExtension: { '.js': '.cjs' },
    packages: 'external',
    define,
  }),
  esbuild({
    ...common,
    entryPoints: { index: 'preload/index.ts' },
    outdir: 'dist/preload',
    outExtension: { '.js': '.cjs' },
    external: ['electron'],
  }),
]);
await vite({ configFile: 'vite.config.ts', logLevel: 'warn' });
console.log('built dist/main, dist/preload, dist/renderer');

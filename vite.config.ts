import { svelte } from '@sveltejs/vite-plugin-svelte';
import { defineConfig } from 'vite';

// The renderer is a static bundle: Electron loads it from app://wirewatch/, the browser host from
// http://127.0.0.1:PORT/. Relative asset paths work for both.
export default defineConfig({
  root: 'renderer',
  base: './',
  plugins: [svelte()],
  build: {
    outDir: '../dist/renderer',
    emptyOutDir: true,
    target: 'chrome120',
    sourcemap: true,
    // Chart.js alone is ~200 kB; one chunk for a desktop app loaded from disk is fine.
    chunkSizeWarningLimit: 1500,
  },
});

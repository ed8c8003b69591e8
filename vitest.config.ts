import { svelte } from '@sveltejs/vite-plugin-svelte';
import { defineConfig } from 'vitest/config';

// Two projects: main/preload code runs in Node; renderer code runs in jsdom with fake-indexeddb.
export default defineConfig({
  test: {
    projects: [
      {
        test: {
          name: 'node',
          environment: 'node',
          // e2e/lab: truth-file checks, and the attack lab's CI set end to end when run as root (lab-ci.spec.ts).
          include: [
            'main/**/*.spec.ts',
            'preload/**/*.spec.ts',
            'bench/**/*.spec.ts',
            'common/**/*.spec.ts',
            'packaging/**/*.spec.ts',
            'e2e/lab/**/*.spec.ts',
          ],
        },
      },
      {
        plugins: [svelte()],
        resolve: { conditions: ['browser'] },
        test: {
          name: 'renderer',
          environment: 'jsdom',
          include: ['renderer/**/*.spec.ts'],
          setupFiles: ['renderer/test-setup.ts'],
        },
      },
    ],
  },
});

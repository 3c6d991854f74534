/** The mailbox server's tests: real PostgreSQL (a throwaway cluster) and PGlite. `npm run test:server`. */
import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    root: new URL('.', import.meta.url).pathname,
    include: ['test/**/*.test.ts'],
    environment: 'node',
    globalSetup: ['test/global-setup.ts', 'test/pglite-template.ts'],
    fileParallelism: false,
    testTimeout: 120_000,
    // PGlite's first start (its initdb, in WebAssembly) takes minutes on a loaded 2-core machine.
    hookTimeout: 400_000,
  },
});

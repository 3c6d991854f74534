/** `npm run bench:mailbox`: the mailbox at national scale on loopback (run alone; prints its figures). */
import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    root: new URL('..', import.meta.url).pathname,
    include: ['tests/bench/mailbox/*.run.ts'],
    environment: 'node',
    globalSetup: ['server/test/global-setup.ts'],
    fileParallelism: false,
    testTimeout: 3_600_000,
    hookTimeout: 600_000,
  },
});

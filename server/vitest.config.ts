/** The mailbox server's tests: real PostgreSQL (a throwaway cluster) and PGlite. `npm run test:server`. */
import { defineConfig } from 'vitest/config';
import { questionnaireIdsPlugin } from '../build-plugins/questionnaire-ids.ts';

export default defineConfig({
  // The sync client's import door reads the ids of every shipped questionnaire version from this virtual module.
  plugins: [questionnaireIdsPlugin(new URL('../questionnaires', import.meta.url).pathname)],
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

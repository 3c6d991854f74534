/** `npm run bench:mailbox`: the mailbox at national scale on loopback (run alone; prints its figures). */
import { defineConfig } from 'vitest/config';
import { questionnaireIdsPlugin } from '../build-plugins/questionnaire-ids.ts';

export default defineConfig({
  // The sync client's import door reads the ids of every shipped questionnaire version from this virtual module.
  plugins: [questionnaireIdsPlugin(new URL('../questionnaires', import.meta.url).pathname)],
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

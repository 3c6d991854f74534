// Builds the app a second time, into the folder given as argument, as the next release would be: the same sources
// with one difference in the page (a <meta name="cyberdiag-release" content="next">), which changes index.html's
// revision in the service worker's precache, as any real change does. Used by tests/e2e/update.e2e.ts.
import path from 'node:path';
import { build } from 'vite';

const outDir = path.resolve(process.argv[2] ?? '');
await build({
  configFile: 'vite.config.ts',
  logLevel: 'error',
  build: { outDir, emptyOutDir: true },
  plugins: [
    {
      name: 'cyberdiag-next-release',
      transformIndexHtml: (html) => html.replace('<title>', '<meta name="cyberdiag-release" content="next" />\n    <title>'),
    },
  ],
});

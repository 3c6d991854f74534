/** Builds the bare React page of the first-page benchmark with the app's Vite, React plugin and gzip files. */
import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vite';
import react from '@vitejs/plugin-react';
import { precompress } from '../../../build-plugins/precompress.ts';

export default defineConfig({
  root: fileURLToPath(new URL('.', import.meta.url)),
  plugins: [react(), precompress()],
  build: { target: 'es2022', emptyOutDir: true },
  logLevel: 'warn',
});

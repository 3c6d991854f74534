// Shared by the benchmark scripts: Debian's Chromium with the flags that keep it quiet, and the built app served locally.
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { chromium } from 'playwright-core';
import { startNginx } from '../nginx-server.mjs';

/** The built app, as `vite build` writes it. */
export const DIST = fileURLToPath(new URL('../../dist', import.meta.url));

/** The browser tests' flags (tests/chromium-args.json): headless, no sandbox, no GPU, nothing that calls home. */
export const CHROMIUM_ARGS = JSON.parse(readFileSync(new URL('../chromium-args.json', import.meta.url), 'utf8'));

export function launchBrowser() {
  return chromium.launch({ executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium', args: CHROMIUM_ARGS });
}

/** The app's address: BASE_URL when tests/bench/run.mjs serves it, else nginx of our own with deploy/nginx. */
export async function appServer() {
  if (process.env.BASE_URL) return { url: process.env.BASE_URL, close: async () => {} };
  return startNginx([DIST]);
}

export function summarize(times) {
  const sorted = [...times].sort((a, b) => a - b);
  const at = (share) => sorted[Math.min(sorted.length - 1, Math.floor(share * sorted.length))] ?? Number.NaN;
  const round = (ms) => Math.round(ms * 100) / 100;
  return { samples: sorted.length, medianMs: round(at(0.5)), p95Ms: round(at(0.95)), maxMs: round(sorted.at(-1) ?? Number.NaN) };
}

// Lighthouse's mobile audit (its default: a mid-range phone on a throttled 4G line, simulated) of the built app's
// first page and, in the same run and from the same nginx (deploy/nginx, precompressed files), of a bare React page
// built by the same Vite (tests/bench/bare): the app must paint as fast as React alone. Goals: LCP within 1.2× of
// the bare page's, total blocking time under 50 ms, performance, accessibility and best practices 100. Runs
// alternate between the two pages so that both see the same load of the (shared) machine; medians are kept.
// Run by `npm run bench`, or alone after `vite build` with `node tests/bench/lighthouse.mjs` (LIGHTHOUSE_RUNS=5).
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import * as chromeLauncher from 'chrome-launcher';
import lighthouse from 'lighthouse';
import { build } from 'vite';
import { startNginx } from '../nginx-server.mjs';
import { CHROMIUM_ARGS, DIST } from './_lib.mjs';

const GOALS = { lcpRatio: 1.2, totalBlockingTimeMs: 50, performance: 100, accessibility: 100, bestPractices: 100 };
const RUNS = Number(process.env.LIGHTHOUSE_RUNS ?? 3);

const bareDir = mkdtempSync(path.join(os.tmpdir(), 'cyberdiag-bare-'));
await build({ configFile: new URL('./bare/vite.config.ts', import.meta.url).pathname, build: { outDir: bareDir } });
const server = await startNginx([DIST, bareDir]);
const [appUrl, bareUrl] = server.urls;
const chrome = await chromeLauncher.launch({
  chromePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
  // chrome-launcher adds its own flags (no first run, no default apps…); ours keep Chromium off the network.
  chromeFlags: [...CHROMIUM_ARGS.filter((flag) => flag !== '--headless'), '--headless=new', '--disable-domain-reliability', '--no-pings'],
  logLevel: 'silent',
});

const score = (lhr, id) => Math.round((lhr.categories[id]?.score ?? 0) * 100);
const metric = (lhr, id) => Math.round(lhr.audits[id]?.numericValue ?? Number.NaN);
const median = (values) => {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor((sorted.length - 1) / 2)];
};

function summarize(lhrs) {
  const failing = new Set(
    lhrs.flatMap((lhr) =>
      Object.values(lhr.categories).flatMap((c) =>
        c.auditRefs.filter((ref) => ref.weight > 0 && (lhr.audits[ref.id]?.score ?? 1) < 1).map((ref) => `${c.id}:${ref.id}`),
      ),
    ),
  );
  return {
    performance: median(lhrs.map((l) => score(l, 'performance'))),
    accessibility: median(lhrs.map((l) => score(l, 'accessibility'))),
    bestPractices: median(lhrs.map((l) => score(l, 'best-practices'))),
    seo: median(lhrs.map((l) => score(l, 'seo'))),
    performanceRuns: lhrs.map((l) => score(l, 'performance')),
    firstContentfulPaintMs: median(lhrs.map((l) => metric(l, 'first-contentful-paint'))),
    largestContentfulPaintMs: median(lhrs.map((l) => metric(l, 'largest-contentful-paint'))),
    lcpRuns: lhrs.map((l) => metric(l, 'largest-contentful-paint')),
    totalBlockingTimeMs: median(lhrs.map((l) => metric(l, 'total-blocking-time'))),
    tbtRuns: lhrs.map((l) => metric(l, 'total-blocking-time')),
    speedIndexMs: median(lhrs.map((l) => metric(l, 'speed-index'))),
    cumulativeLayoutShift: median(lhrs.map((l) => l.audits['cumulative-layout-shift']?.numericValue ?? 0)),
    auditsBelowFullMarks: [...failing].sort(),
  };
}

try {
  const runs = { app: [], bare: [] };
  for (let i = 0; i < RUNS; i += 1) {
    for (const [name, url] of [
      ['app', `${appUrl}/`],
      ['bare', `${bareUrl}/`],
    ]) {
      const result = await lighthouse(url, {
        port: chrome.port,
        output: 'json',
        logLevel: 'error',
        onlyCategories: ['performance', 'accessibility', 'best-practices', 'seo'],
      });
      if (!result) throw new Error('Lighthouse returned no result');
      runs[name].push(result.lhr);
      // LIGHTHOUSE_SAVE=dir keeps every report, to see where the time goes.
      if (process.env.LIGHTHOUSE_SAVE) writeFileSync(path.join(process.env.LIGHTHOUSE_SAVE, `${name}-${i + 1}.json`), JSON.stringify(result.lhr));
    }
  }
  const app = summarize(runs.app);
  const bare = summarize(runs.bare);
  const lcpRatio = Math.round((app.largestContentfulPaintMs / bare.largestContentfulPaintMs) * 100) / 100;
  console.log(
    JSON.stringify({
      bench: 'lighthouse-mobile-first-page',
      date: new Date().toISOString().slice(0, 10),
      lighthouse: runs.app[0].lighthouseVersion,
      formFactor: runs.app[0].configSettings.formFactor,
      throttling: runs.app[0].configSettings.throttlingMethod,
      server: 'nginx (deploy/nginx), gzip files',
      runsEach: RUNS,
      lcpRatio,
      app,
      bare,
      goals: GOALS,
      met:
        lcpRatio <= GOALS.lcpRatio &&
        app.totalBlockingTimeMs < GOALS.totalBlockingTimeMs &&
        app.performance >= GOALS.performance &&
        app.accessibility >= GOALS.accessibility &&
        app.bestPractices >= GOALS.bestPractices,
    }),
  );
} finally {
  await chrome.kill();
  await server.close();
  rmSync(bareDir, { recursive: true, force: true });
}

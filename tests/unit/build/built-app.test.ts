// @vitest-environment node
/**
 * Gates on the built app, checked on a fresh build of the current sources (made here, in a temporary folder, so
 * that `npm test` catches them before the browser tests): the Content-Security-Policy of index.html, and the
 * first page's weight, which must stay under budget and never include jsPDF or the communes directory.
 */
import { execFile } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  assetsNamedInHtml,
  describeFirstLoad,
  FIRST_LOAD_BUDGET_BYTES,
  firstLoad,
  formatKb,
  NEVER_FETCHED_MARKERS,
  NEVER_IN_FIRST_LOAD,
  type ChunkRecord,
} from './first-load';
import frenchHome from '../../../src/i18n/locales/fr/home.json';
import frenchCommon from '../../../src/i18n/locales/fr/common.json';

const root = path.resolve(import.meta.dirname, '../../..');
let dir = '';
let dist = '';
let chunks: ChunkRecord[] = [];
let html = '';

beforeAll(async () => {
  dir = mkdtempSync(path.join(os.tmpdir(), 'cyberdiag-build-'));
  await new Promise<void>((resolve, reject) => {
    const child = execFile(
      process.execPath,
      [path.join(root, 'tests/unit/build/build-for-tests.mjs'), dir],
      {
        cwd: root,
        // Vitest runs with NODE_ENV=test, which would give React's development build: build what ships.
        // One build thread, at low priority: the component tests running beside it keep the CPU they need.
        env: { ...process.env, NODE_ENV: 'production', RAYON_NUM_THREADS: '1' },
        timeout: 170_000,
      },
      (error) => (error ? reject(error) : resolve()),
    );
    if (child.pid !== undefined) os.setPriority(child.pid, 15);
  });
  dist = path.join(dir, 'dist');
  chunks = JSON.parse(readFileSync(path.join(dir, 'chunks.json'), 'utf8')) as ChunkRecord[];
  html = readFileSync(path.join(dist, 'index.html'), 'utf8');
}, 180_000);

afterAll(() => {
  if (dir) rmSync(dir, { recursive: true, force: true });
});

/** The policy's directives, from the one <meta http-equiv="Content-Security-Policy"> of the page. */
function policyOf(page: string): Map<string, string[]> {
  const metas = [...page.matchAll(/<meta\b[^>]*http-equiv=["']Content-Security-Policy["'][^>]*>/gi)];
  expect(metas, 'exactly one Content-Security-Policy <meta> in index.html').toHaveLength(1);
  const content = /\scontent="([^"]*)"/i.exec(metas[0]?.[0] ?? '')?.[1] ?? '';
  return new Map(
    content
      .split(';')
      .map((d) => d.trim().split(/\s+/))
      .filter((words) => words[0])
      .map(([name = '', ...sources]) => [name.toLowerCase(), sources]),
  );
}

describe('the Content-Security-Policy of the built index.html', () => {
  it('allows scripts and styles from the app itself only, with no eval and nothing inline', () => {
    const policy = policyOf(html);
    expect(policy.get('default-src')).toEqual(["'self'"]);
    expect(policy.get('script-src')).toEqual(["'self'"]);
    expect(policy.get('style-src')).toEqual(["'self'"]);
    expect(policy.get('object-src')).toEqual(["'none'"]);
    expect(policy.get('base-uri')).toEqual(["'self'"]);
    for (const [name, sources] of policy) {
      for (const forbidden of ["'unsafe-eval'", "'unsafe-inline'", "'wasm-unsafe-eval'", "'unsafe-hashes'", '*', 'http:', 'https:']) {
        expect(sources, `${name} allows ${forbidden}`).not.toContain(forbidden);
      }
      // Nothing from another origin: only keywords and the data:/blob: schemes for images and workers.
      for (const source of sources) expect(source, `${name} names ${source}`).toMatch(/^('[a-z-]+'|data:|blob:)$/);
    }
  });

  it('comes before any script, so that it applies to all of them', () => {
    expect(html.search(/http-equiv=["']Content-Security-Policy/i)).toBeLessThan(html.search(/<script\b/i));
  });

  it('has no inline script, inline style or inline event handler in the page', () => {
    const scripts = [...html.matchAll(/(<script\b[^>]*>)([\s\S]*?)<\/script>/gi)];
    expect(scripts.length).toBeGreaterThan(0);
    for (const [, tag = '', body = ''] of scripts) {
      expect(tag, 'every <script> is an external file').toMatch(/\ssrc=["']\/[^"']+["']/);
      expect(body.trim(), `inline code in ${tag}`).toBe('');
    }
    expect(html).not.toMatch(/<style\b/i);
    expect(html).not.toMatch(/\sstyle=["']/i);
    expect(html).not.toMatch(/\son[a-z]+=["']/i);
    expect(html).not.toMatch(/javascript:/i);
  });

  it('names only scripts of the build, the service worker being registered by the app itself once the page is shown', () => {
    const { scripts } = assetsNamedInHtml(html);
    expect(scripts.length).toBeGreaterThan(0);
    for (const script of scripts) expect(existsSync(path.join(dist, script)), `${script} is in the build`).toBe(true);
    expect(html).not.toMatch(/registerSW/);
  });

  it('holds the first page already rendered, in French, and an empty page for the other routes', () => {
    // The texts of the locale files, as React escapes them.
    const escape = (text: string) => text.replaceAll("'", '&#x27;');
    expect(html).toContain(`<h1 tabindex="-1" class="page-title">${escape(frenchHome.title)}</h1>`);
    expect(html).toContain(escape(frenchHome.intro));
    expect(html).toContain(frenchCommon.layout.skipToContent);
    const shell = readFileSync(path.join(dist, 'app-shell.html'), 'utf8');
    expect(shell).toContain('<div id="root"></div>');
    expect(policyOf(shell)).toEqual(policyOf(html));
  });
});

describe('the first page', () => {
  it(`loads less than ${formatKb(FIRST_LOAD_BUDGET_BYTES)} of JS and CSS, gzipped`, () => {
    const load = firstLoad(dist, chunks, root);
    const total = load.totalGzipBytes;
    // The message names every file the first page loads, biggest first, with its largest modules: what grew.
    const report = `First page: ${formatKb(total)} gzipped, budget ${formatKb(FIRST_LOAD_BUDGET_BYTES)}${
      total > FIRST_LOAD_BUDGET_BYTES ? `, over by ${formatKb(total - FIRST_LOAD_BUDGET_BYTES)}` : ''
    }. What it loads, biggest first:\n${describeFirstLoad(load)}`;
    expect(total, report).toBeLessThanOrEqual(FIRST_LOAD_BUDGET_BYTES);
    expect(load.files.some((f) => f.fileName.endsWith('.css')), 'the stylesheet is counted').toBe(true);
  });

  it('links every stylesheet of its chunks in the HTML, so that the prerendered page is styled before any script runs', () => {
    const linked = assetsNamedInHtml(html).stylesheets;
    const needed = firstLoad(dist, chunks, root)
      .files.map((f) => f.fileName)
      .filter((f) => f.endsWith('.css'));
    // The frame of every page (app/layout.css) and the home page's own stylesheet come with chunks, not the entry.
    expect(needed.length).toBeGreaterThanOrEqual(3);
    expect([...linked].sort()).toEqual([...needed].sort());
    const css = linked.map((file) => readFileSync(path.join(dist, file), 'utf8')).join('\n');
    expect(css).toContain('.site-header');
    expect(css).toContain('.facts');
    // Another page's styles come with that page.
    expect(css).not.toContain('.score-card');
    expect(css).not.toContain('.epci-table');
  });

  it.each(NEVER_IN_FIRST_LOAD)('never includes $what (it comes with import(), when asked for)', ({ what, test }) => {
    const load = firstLoad(dist, chunks, root);
    const offending = load.moduleIds.filter(test);
    expect(offending, `${what} is in the first page's chunks:\n${describeFirstLoad(load)}`).toEqual([]);
  });

  // A rule that matches no module of the build (a file moved, an id written another way) would pass for ever.
  it.each(NEVER_IN_FIRST_LOAD)('still finds $what in the build, so the check above is not empty', ({ test }) => {
    const all = chunks.flatMap((c) => c.modules.map((m) => m.id));
    expect(all.filter(test)).not.toEqual([]);
  });

  // The browser test looks for these texts in what Chromium fetches: each must be in the built code, where it is.
  it.each(NEVER_FETCHED_MARKERS)('has the text the browser test looks for to find $what, in the build but not in the first page', ({ marker }) => {
    const built = chunks.map((c) => c.fileName).filter((file) => readFileSync(path.join(dist, file), 'utf8').includes(marker));
    expect(built).not.toEqual([]);
    const firstPage = firstLoad(dist, chunks, root).files.map((f) => f.fileName);
    expect(built.filter((file) => firstPage.includes(file))).toEqual([]);
  });

  it('finds every file of the mailbox sync code in the build, so its rule covers them all', () => {
    const rule = NEVER_IN_FIRST_LOAD.find((r) => r.what === 'the mailbox sync code');
    const matched = chunks.flatMap((c) => c.modules.map((m) => m.id)).filter((id) => rule?.test(id));
    const files = new Set(matched.map((id) => path.relative(root, id)));
    for (const file of ['src/services/sync/outbox.ts', 'src/services/sync/outbox-runner.ts', 'src/services/sync/receive.ts', 'src/crypto/mailbox-envelope.ts', 'src/crypto/deflate.ts']) {
      expect(files, file).toContain(file);
    }
  });
});

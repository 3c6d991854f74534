/**
 * What the first page of the built app loads: the scripts and stylesheets named in index.html, every chunk they
 * import statically, what the entry starts with import() (the app itself), and the home route's lazy chunk with
 * its own static imports (the router fetches it before the app can hydrate the page). Sizes are gzipped, as a server or the service worker's network sends them.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { gzipSync } from 'node:zlib';

/** 180 KB gzipped for the first page's JS and CSS (React, react-router, Dexie and i18next alone weigh ~145 KB). */
export const FIRST_LOAD_BUDGET_BYTES = 180 * 1024;

/** The module of the first route: its chunk is requested before the home page can render. */
export const HOME_ROUTE_MODULE = 'src/features/home/home-page.tsx';

/** Modules that must only ever arrive with import(), when the user asks for them. */
export const NEVER_IN_FIRST_LOAD: Array<{ what: string; test: (moduleId: string) => boolean }> = [
  { what: 'jsPDF', test: (id) => /node_modules\/jspdf(-autotable)?\//.test(id) },
  { what: 'the PDF fonts', test: (id) => id.includes('/src/pdf/fonts/') },
  { what: 'the communes directory', test: (id) => id.includes('virtual:communes-directory') },
  { what: 'the questionnaire ids of the import door', test: (id) => id.includes('virtual:questionnaire-ids') },
  { what: 'questionnaire version 1', test: (id) => id.includes('/questionnaires/archive/') },
  // Only a user of the mailbox needs it: the app starts it with import() when the outbox holds something, or when
  // "Envoyer à mon intercommunalité" or "Recevoir" is used (issue 17: without a server the app is as before).
  {
    what: 'the mailbox sync code',
    test: (id) => id.includes('/src/services/sync/') || /\/src\/crypto\/(mailbox-envelope|deflate)\.ts$/.test(id),
  },
];

/**
 * Text found only in the code or data of what must not come with the first page, for the browser test
 * (tests/e2e/first-load-budget.e2e.ts), which sees the files fetched, not the modules. The build test checks that
 * each is still in the build, and in none of the first page's files.
 */
export const NEVER_FETCHED_MARKERS = [
  { what: 'jsPDF', marker: 'jsPDF' },
  { what: 'the communes directory', marker: 'CYBERDIAG-DIRECTORY|' },
  // The outbox's send (services/sync/outbox.ts) and the kind of the EPCI's sealed key (crypto/mailbox-envelope.ts):
  // string literals, which minification keeps.
  { what: 'the mailbox outbox', marker: '/v1/device/envelopes' },
  { what: 'the mailbox encryption', marker: 'cyberdiag-mailbox-key' },
];

export interface ChunkRecord {
  fileName: string;
  isEntry: boolean;
  facadeModuleId: string | null;
  imports: string[];
  dynamicImports: string[];
  css: string[];
  modules: Array<{ id: string; size: number }>;
}

export interface LoadedFile {
  fileName: string;
  gzipBytes: number;
  /** The largest modules of a JS chunk (size before minification and gzip), to tell what grew. */
  biggestModules: Array<{ id: string; size: number }>;
}

export interface FirstLoad {
  files: LoadedFile[];
  totalGzipBytes: number;
  moduleIds: string[];
}

export const gzipSize = (content: Buffer | string): number => gzipSync(content).length;

const attribute = (tag: string, name: string): string | undefined =>
  new RegExp(`\\s${name}=["']([^"']*)["']`, 'i').exec(tag)?.[1];

/** Script and stylesheet addresses written in index.html, without the leading slash. */
export function assetsNamedInHtml(html: string): { scripts: string[]; stylesheets: string[]; modulePreloads: string[] } {
  const scripts = [...html.matchAll(/<script\b[^>]*>/gi)].map((m) => attribute(m[0], 'src')).filter((s): s is string => !!s);
  const links = [...html.matchAll(/<link\b[^>]*>/gi)].map((m) => m[0]);
  const hrefsOf = (rel: string) =>
    links.filter((tag) => attribute(tag, 'rel') === rel).map((tag) => attribute(tag, 'href')).filter((h): h is string => !!h);
  const local = (url: string) => url.replace(/^\//, '');
  return { scripts: scripts.map(local), stylesheets: hrefsOf('stylesheet').map(local), modulePreloads: hrefsOf('modulepreload').map(local) };
}

const shortId = (id: string, root: string) => id.replace(`${root}/`, '').replace('\0', '');

export function firstLoad(distDir: string, chunks: ChunkRecord[], root: string): FirstLoad {
  const byFile = new Map(chunks.map((c) => [c.fileName, c]));
  const html = readFileSync(path.join(distDir, 'index.html'), 'utf8');
  const named = assetsNamedInHtml(html);
  const home = chunks.find((c) => c.facadeModuleId?.endsWith(HOME_ROUTE_MODULE));
  if (!home) throw new Error(`No chunk for ${HOME_ROUTE_MODULE}: has the home route moved? Update HOME_ROUTE_MODULE.`);

  const loaded = new Set<string>();
  const visit = (fileName: string) => {
    if (loaded.has(fileName)) return;
    loaded.add(fileName);
    const chunk = byFile.get(fileName);
    for (const imported of chunk?.imports ?? []) visit(imported);
    for (const css of chunk?.css ?? []) loaded.add(css);
  };
  // The entry only paints-then-starts: the app it loads with import() (src/app/start.ts) is part of the first page.
  for (const file of named.scripts) for (const started of byFile.get(file)?.dynamicImports ?? []) visit(started);
  for (const file of [...named.scripts, ...named.modulePreloads, home.fileName]) visit(file);
  for (const css of named.stylesheets) loaded.add(css);

  const files = [...loaded]
    .map((fileName) => {
      const chunk = byFile.get(fileName);
      return {
        fileName,
        gzipBytes: gzipSize(readFileSync(path.join(distDir, fileName))),
        biggestModules: [...(chunk?.modules ?? [])]
          .sort((a, b) => b.size - a.size)
          .slice(0, 6)
          .map((m) => ({ id: shortId(m.id, root), size: m.size })),
      };
    })
    .sort((a, b) => b.gzipBytes - a.gzipBytes);
  const moduleIds = [...loaded].flatMap((f) => byFile.get(f)?.modules.map((m) => m.id) ?? []);
  return { files, totalGzipBytes: files.reduce((sum, f) => sum + f.gzipBytes, 0), moduleIds };
}

const kb = (bytes: number) => `${(bytes / 1024).toFixed(1)} KB`;

/** One line per file, biggest first, with its largest modules: what a failing budget test prints. */
export function describeFirstLoad(load: FirstLoad): string {
  return load.files
    .map((f) => {
      const modules = f.biggestModules.map((m) => `${m.id} ${kb(m.size)} raw`).join(', ');
      return `  ${f.fileName.padEnd(48)} ${kb(f.gzipBytes).padStart(9)} gzip${modules ? `  ← ${modules}` : ''}`;
    })
    .join('\n');
}

export const formatKb = kb;

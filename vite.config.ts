/// <reference types="vitest/config" />
import { fileURLToPath } from 'node:url';
import { defineConfig, type Plugin } from 'vite';
import react from '@vitejs/plugin-react';
import { VitePWA } from 'vite-plugin-pwa';
import { APP_SHELL, prerenderFirstPage } from './build-plugins/prerender-first-page.ts';
import { precompress } from './build-plugins/precompress.ts';
import { questionnaireIdsPlugin } from './build-plugins/questionnaire-ids.ts';
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { colors } from './src/styles/tokens.ts';
import { EPCI_TYPES, writeCompactDirectory, type DirectorySource, type EpciType } from './src/domain/directory/compact-directory.ts';

/**
 * Build step for the official directory: serves the virtual module `virtual:communes-directory`, whose default
 * export is the compact text of src/domain/directory/compact-directory.ts made from the devDependency
 * @etalab/decoupage-administratif. Nothing generated is committed: `vite build`, the dev server and Vitest all make
 * it from node_modules. The app imports it with import() only, so it lands in a chunk of its own, outside the first
 * page, precached by the service worker like every other chunk.
 */
const DIRECTORY_MODULE_ID = 'virtual:communes-directory';
const RESOLVED_ID = `\0${DIRECTORY_MODULE_ID}`;
const PACKAGE = '@etalab/decoupage-administratif';

interface EtalabCommune {
  code: string;
  nom: string;
  type: string;
  codesPostaux?: string[];
  population?: number;
}

interface EtalabEpci {
  code: string;
  nom: string;
  type: string;
  membres: Array<{ code: string }>;
}

const isEpciType = (value: string): value is EpciType => (EPCI_TYPES as readonly string[]).includes(value);

function readJson(path: string): unknown {
  return JSON.parse(readFileSync(path, 'utf8')) as unknown;
}

/** The directory as the app needs it: current communes only (no communes déléguées, associées, arrondissements). */
function readEtalabDirectory(): DirectorySource {
  const require = createRequire(import.meta.url);
  const { version } = readJson(require.resolve(`${PACKAGE}/package.json`)) as { version: string };
  const communes = readJson(require.resolve(`${PACKAGE}/data/communes.json`)) as EtalabCommune[];
  const epcis = readJson(require.resolve(`${PACKAGE}/data/epci.json`)) as EtalabEpci[];
  const epciOf = new Map<string, string>();
  for (const epci of epcis) for (const member of epci.membres) epciOf.set(member.code, epci.code);
  return {
    source: `${PACKAGE} ${version}`,
    epcis: epcis.map((epci) => {
      if (!isEpciType(epci.type)) throw new Error(`${PACKAGE}: unknown EPCI type ${epci.type} (${epci.code})`);
      return { siren: epci.code, name: epci.nom, type: epci.type };
    }),
    communes: communes
      .filter((c) => c.type === 'commune-actuelle')
      .map((c) => ({
        insee: c.code,
        name: c.nom,
        postcodes: c.codesPostaux ?? [],
        population: c.population ?? null,
        epciSiren: epciOf.get(c.code) ?? null,
      })),
  };
}

function communesDirectoryPlugin(): Plugin {
  let code: string | undefined;
  return {
    name: 'cyberdiag-communes-directory',
    resolveId(id) {
      return id === DIRECTORY_MODULE_ID ? RESOLVED_ID : undefined;
    },
    load(id) {
      if (id !== RESOLVED_ID) return undefined;
      // Made once per process: reading the 12 MB of source JSON takes a few hundred milliseconds.
      code ??= `export default ${JSON.stringify(writeCompactDirectory(readEtalabDirectory()))};\n`;
      return code;
    },
  };
}

/**
 * The Content-Security-Policy, read from the nginx headers (deploy/nginx/snippets/cyberdiag-headers.conf) so that
 * there is one policy, and written into the built index.html as well, for hosts that send no header. A <meta>
 * cannot carry frame-ancestors (browsers ignore it there, with a warning), so it is left out of the meta. Only the
 * build gets it: the dev server needs inline scripts for hot reload, the shipped app never does.
 */
/**
 * The mailbox server (server/) the app may talk to, when it is not served from the app's own origin: given at
 * build time (MAILBOX_ORIGIN=https://boite.example.fr, several separated by spaces). Without it, only the app's own
 * origin is reachable, as before (a mailbox behind the same host, e.g. under /boite/ by a reverse proxy). A host that
 * sends the nginx header must add the same origin to connect-src there.
 */

export function readContentSecurityPolicy(): string {
  const headers = readFileSync(fileURLToPath(new URL('./deploy/nginx/snippets/cyberdiag-headers.conf', import.meta.url)), 'utf8');
  const policy = /^add_header Content-Security-Policy "([^"]+)" always;$/m.exec(headers)?.[1];
  if (!policy) throw new Error('deploy/nginx/snippets/cyberdiag-headers.conf: no Content-Security-Policy header');
  return policy;
}

/** The policy of the built index.html: the nginx one, with the mailbox origins (only well-formed ones) in connect-src. */
export function metaContentSecurityPolicy(mailboxOrigin: string | undefined = process.env.MAILBOX_ORIGIN): string {
  const mailboxOrigins = (mailboxOrigin ?? '').split(/\s+/).filter((origin) => /^https?:\/\/[A-Za-z0-9.:[\]-]+$/.test(origin));
  return readContentSecurityPolicy()
    .split(';')
    .map((directive) => directive.trim())
    .filter((directive) => directive !== '' && !directive.startsWith('frame-ancestors'))
    .map((directive) => (directive.startsWith('connect-src ') ? [directive, ...mailboxOrigins].join(' ') : directive))
    .join('; ');
}

export const CONTENT_SECURITY_POLICY = metaContentSecurityPolicy();

function contentSecurityPolicy(): Plugin {
  return {
    name: 'cyberdiag-csp',
    apply: 'build',
    transformIndexHtml(html) {
      return html.replace(
        '<meta charset="UTF-8" />',
        `<meta charset="UTF-8" />\n    <meta http-equiv="Content-Security-Policy" content="${CONTENT_SECURITY_POLICY}" />`,
      );
    },
  };
}

const questionnaireIds = () => questionnaireIdsPlugin(fileURLToPath(new URL('./questionnaires', import.meta.url)));

// jsPDF's optional helpers are never used by the report: a stub keeps them out of the build and the precache.
const resolve = {
  alias: Object.fromEntries(
    ['html2canvas', 'dompurify', 'canvg'].map((name) => [name, fileURLToPath(new URL('./src/pdf/jspdf-optional-stub.ts', import.meta.url))]),
  ),
};

export default defineConfig({
  plugins: [
    react(),
    // The first page's HTML, rendered at build time by a server-side build of the app's own code.
    prerenderFirstPage({
      entry: 'src/app/prerender-entry.tsx',
      config: { plugins: [react(), communesDirectoryPlugin(), questionnaireIds()], resolve },
      stubs: { 'virtual:pwa-register': 'export const registerSW = () => async () => {};' },
      // Their stylesheets are linked in the page: the frame (app/layout.css) and the home page's own.
      linkCssOf: ['src/app/start.ts', 'src/features/home/home-page.tsx'],
    }),
    contentSecurityPolicy(),
    // The official communes directory, made from a devDependency at build time (virtual:communes-directory).
    communesDirectoryPlugin(),
    // The ids of every shipped questionnaire version, for the import door (virtual:questionnaire-ids).
    questionnaireIds(),
    VitePWA({
      // A new version waits until the user chooses to reload (src/app/update-prompt.tsx); the app registers the
      // service worker itself once the first page is shown (src/app/service-worker.ts).
      registerType: 'prompt',
      injectRegister: false,
      manifest: {
        name: 'Cyberdiag — auto-diagnostic cyber des communes',
        short_name: 'Cyberdiag',
        description: 'Auto-diagnostic de cybersécurité pour les petites communes, hors ligne.',
        lang: 'fr',
        start_url: '/',
        scope: '/',
        display: 'standalone',
        background_color: colors.paper,
        theme_color: colors.brand,
        icons: [
          { src: 'icon-192.png', sizes: '192x192', type: 'image/png' },
          { src: 'icon-512.png', sizes: '512x512', type: 'image/png' },
          { src: 'icon-512.png', sizes: '512x512', type: 'image/png', purpose: 'maskable' },
        ],
      },
      workbox: {
        // ttf: the fonts embedded in the PDF report, so that it can be made offline.
        globPatterns: ['**/*.{js,css,html,png,svg,ico,json,webmanifest,ttf}'],
        // The communes directory chunk is larger than workbox's 2 MiB default and must be there offline.
        maximumFileSizeToCacheInBytes: 8 * 1024 * 1024,
        // The app's routes other than "/" open on the empty page (the prerendered home is for "/" only).
        navigateFallback: APP_SHELL,
        // Workbox's defaults, and the language switch's `?lang=` (LANGUAGE_PARAM, src/i18n/language-param.ts): "/?lang=en" is
        // still the prerendered first page.
        ignoreURLParametersMatching: [/^utm_/, /^fbclid$/, /^lang$/],
        cleanupOutdatedCaches: true,
      },
    }),
    // After the service worker is written (closeBundle, order 'post'): it is compressed too.
    precompress(),
  ],
  resolve,
  // The EPCI import's workers run the import door, which reads the questionnaire ids.
  worker: { plugins: () => [questionnaireIds()] },
  build: {
    target: 'es2022',
    sourcemap: false,
  },
  test: {
    environment: 'jsdom',
    setupFiles: ['tests/setup.ts'],
    include: ['tests/unit/**/*.test.ts', 'tests/component/**/*.test.tsx'],
    pool: 'threads',
    maxWorkers: 2,
    // Leaves room for the five-second waits of tests/setup.ts.
    testTimeout: 20_000,
  },
});

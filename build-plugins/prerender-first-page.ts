/**
 * Vite plugin: prerenders the app's first page into the built index.html. A second, server-side build of
 * `entry` (whose `renderFirstPage()` returns the page's HTML, and HTML to put beside it) is made with the given
 * plugins and run in Node; the page goes inside <div id="root">, what goes beside it just after. The page as Vite wrote it, empty, is kept as app-shell.html: the host
 * and the service worker answer the app's other routes with it, so that a deep link never shows the home page
 * first.
 *
 * The stylesheets of the first page's chunks (`linkCssOf`: the app's start module and the first route's page,
 * with the chunks they import) are linked in the page's <head> beside the entry's: their rules style the
 * prerendered HTML before any script runs, and Vite's loader, finding them there, does not fetch them again.
 */
import { mkdirSync, rmSync } from 'node:fs';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { build, type InlineConfig, type Plugin, type Rollup } from 'vite';

type OutputBundle = Rollup.OutputBundle;
type OutputChunk = Rollup.OutputChunk;

export const APP_SHELL = 'app-shell.html';
const ROOT_ELEMENT = '<div id="root"></div>';

/**
 * `stubs`: modules that only the browser build provides (virtual modules of other plugins), as the code that
 * stands in for them in Node; the first page never runs them.
 */
export function prerenderFirstPage({
  entry,
  config,
  stubs = {},
  linkCssOf = [],
}: {
  entry: string;
  config: InlineConfig;
  stubs?: Record<string, string>;
  linkCssOf?: string[];
}): Plugin {
  let root = '';
  let base = '/';
  return {
    name: 'cyberdiag-prerender-first-page',
    apply: (userConfig, env) => env.command === 'build' && !userConfig.build?.ssr,
    enforce: 'post',
    configResolved(resolved) {
      root = resolved.root;
      base = resolved.base;
    },
    async generateBundle(_options, bundle) {
      const page = bundle['index.html'];
      if (page?.type !== 'asset') return;
      const shell = String(page.source);
      if (!shell.includes(ROOT_ELEMENT)) this.error(`index.html has no ${ROOT_ELEMENT} to prerender into`);
      const { html, beside } = await renderInNode(root, entry, { ...config, plugins: [...(config.plugins ?? []), stubModules(stubs)] });
      const links = stylesheetsOf(bundle, linkCssOf.map((module) => path.resolve(root, module)), (module) => this.error(`${module} is in no chunk: has it moved?`))
        .map((file) => `${base}${file}`)
        .filter((href) => !shell.includes(`href="${href}"`))
        .map((href) => `\n    <link rel="stylesheet" crossorigin href="${href}">`)
        .join('');
      // After the entry's stylesheet, so that the cascade runs in the same order as when the app loads them itself.
      const entryCss = [...shell.matchAll(/<link rel="stylesheet"[^>]*>/g)].at(-1);
      if (links && !entryCss) this.error('index.html links no stylesheet to put the first page\'s after');
      const at = entryCss ? entryCss.index + entryCss[0].length : 0;
      page.source = (shell.slice(0, at) + links + shell.slice(at)).replace(ROOT_ELEMENT, `<div id="root">${html}</div>${beside}`);
      this.emitFile({ type: 'asset', fileName: APP_SHELL, source: shell });
    },
  };
}

/** The CSS files of the chunks made from `modules` and of every chunk they import statically, in import order. */
function stylesheetsOf(bundle: OutputBundle, modules: string[], missing: (module: string) => never): string[] {
  const chunks = Object.values(bundle).filter((output) => output.type === 'chunk');
  const css: string[] = [];
  const seen = new Set<string>();
  const visit = (chunk: OutputChunk) => {
    if (seen.has(chunk.fileName)) return;
    seen.add(chunk.fileName);
    for (const imported of chunk.imports) {
      const next = bundle[imported];
      if (next?.type === 'chunk') visit(next);
    }
    for (const file of chunk.viteMetadata?.importedCss ?? []) if (!css.includes(file)) css.push(file);
  };
  for (const module of modules) {
    const chunk = chunks.find((c) => c.facadeModuleId === module);
    if (!chunk) missing(module);
    else visit(chunk);
  }
  return css;
}

function stubModules(stubs: Record<string, string>): Plugin {
  return {
    name: 'cyberdiag-prerender-stubs',
    resolveId: (id) => (id in stubs ? `\0stub:${id}` : undefined),
    load: (id) => (id.startsWith('\0stub:') ? stubs[id.slice('\0stub:'.length)] : undefined),
  };
}

interface RenderedPage {
  html: string;
  beside: string;
}

async function renderInNode(root: string, entry: string, config: InlineConfig): Promise<RenderedPage> {
  // Inside node_modules so that the build's imports of packages resolve from there.
  const outDir = path.join(root, 'node_modules', '.cyberdiag-prerender');
  rmSync(outDir, { recursive: true, force: true });
  mkdirSync(outDir, { recursive: true });
  try {
    await build({
      ...config,
      root,
      configFile: false,
      logLevel: 'warn',
      mode: 'production',
      build: { ssr: entry, outDir, emptyOutDir: true, minify: false, rollupOptions: { output: { entryFileNames: 'entry.mjs' } } },
    });
    const module = (await import(pathToFileURL(path.join(outDir, 'entry.mjs')).href)) as { renderFirstPage: () => Promise<RenderedPage> };
    return await module.renderFirstPage();
  } finally {
    rmSync(outDir, { recursive: true, force: true });
  }
}

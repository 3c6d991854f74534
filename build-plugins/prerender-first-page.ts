/**
 * Vite plugin: prerenders the app's first page into the built index.html. A second, server-side build of
 * `entry` (whose `renderFirstPage()` returns the page's HTML) is made with the given plugins and run in Node;
 * its HTML goes inside <div id="root">. The page as Vite wrote it, empty, is kept as app-shell.html: the host
 * and the service worker answer the app's other routes with it, so that a deep link never shows the home page
 * first.
 */
import { mkdirSync, rmSync } from 'node:fs';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { build, type InlineConfig, type Plugin } from 'vite';

export const APP_SHELL = 'app-shell.html';
const ROOT_ELEMENT = '<div id="root"></div>';

/**
 * `stubs`: modules that only the browser build provides (virtual modules of other plugins), as the code that
 * stands in for them in Node; the first page never runs them.
 */
export function prerenderFirstPage({ entry, config, stubs = {} }: { entry: string; config: InlineConfig; stubs?: Record<string, string> }): Plugin {
  let root = '';
  return {
    name: 'cyberdiag-prerender-first-page',
    apply: (userConfig, env) => env.command === 'build' && !userConfig.build?.ssr,
    enforce: 'post',
    configResolved(resolved) {
      root = resolved.root;
    },
    async generateBundle(_options, bundle) {
      const page = bundle['index.html'];
      if (page?.type !== 'asset') return;
      const shell = String(page.source);
      if (!shell.includes(ROOT_ELEMENT)) this.error(`index.html has no ${ROOT_ELEMENT} to prerender into`);
      const html = await renderInNode(root, entry, { ...config, plugins: [...(config.plugins ?? []), stubModules(stubs)] });
      page.source = shell.replace(ROOT_ELEMENT, `<div id="root">${html}</div>`);
      this.emitFile({ type: 'asset', fileName: APP_SHELL, source: shell });
    },
  };
}

function stubModules(stubs: Record<string, string>): Plugin {
  return {
    name: 'cyberdiag-prerender-stubs',
    resolveId: (id) => (id in stubs ? `\0stub:${id}` : undefined),
    load: (id) => (id.startsWith('\0stub:') ? stubs[id.slice('\0stub:'.length)] : undefined),
  };
}

async function renderInNode(root: string, entry: string, config: InlineConfig): Promise<string> {
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
    const module = (await import(pathToFileURL(path.join(outDir, 'entry.mjs')).href)) as { renderFirstPage: () => Promise<string> };
    return await module.renderFirstPage();
  } finally {
    rmSync(outDir, { recursive: true, force: true });
  }
}

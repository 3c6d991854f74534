/**
 * Starts the app: language from the device, reopening where the user was, then the router. The first page's HTML
 * is already on screen (prerendered at build time, in French): when the app opens on that very page it hydrates
 * it, otherwise it renders over it.
 */
import type { createRoot as CreateRoot, hydrateRoot as HydrateRoot } from 'react-dom/client';
import { startTransition } from 'react';
import { getSetting, isString, SETTING_KEYS } from '../db/settings-repository';
import { createI18n, DEFAULT_LANGUAGE, isLanguage, loadEveryNamespace } from '../i18n/i18n';
import { AppProviders } from './providers';
import { createAppRouter } from './router';
import { openDatabase } from '../db/open-database';
import { StartupError } from './startup-error';
import { AppRoot, whenRouterReady, type AppRouter } from './app-root';
import { registerServiceWorker } from './service-worker';
import { restoreTypedFields } from './keep-typed-fields';

export async function bootstrap(
  container: HTMLElement,
  { createRoot, hydrateRoot }: { createRoot: typeof CreateRoot; hydrateRoot: typeof HydrateRoot },
): Promise<void> {
  const prerendered = container.firstElementChild !== null;
  const opened = await openDatabase();
  if (!opened.ok) {
    const i18n = await createI18n(DEFAULT_LANGUAGE);
    createRoot(container).render(
      <AppProviders i18n={i18n}>
        <StartupError reason={opened.reason} />
      </AppProviders>,
    );
    return;
  }
  const [language, lastPath] = await Promise.all([
    getSetting(SETTING_KEYS.language, isLanguage).catch(() => undefined),
    getSetting(SETTING_KEYS.lastPath, isString).catch(() => undefined),
  ]);
  // Only the first page's texts before the first render; the other namespaces follow once it is shown.
  const i18n = await createI18n(language ?? DEFAULT_LANGUAGE, { everything: false });
  document.documentElement.lang = i18n.language;
  // Opening the app at its start page takes the user back to where she stopped, days later included.
  if (window.location.pathname === '/' && lastPath && lastPath.startsWith('/') && lastPath !== '/') {
    window.history.replaceState(null, '', lastPath);
  }
  const router = createAppRouter();
  const app = <AppRoot i18n={i18n} router={router} />;
  if (prerendered && i18n.language === DEFAULT_LANGUAGE && window.location.pathname === '/') {
    // The same tree as the prerender once the home page's chunk is there; as a transition, React hydrates it in
    // slices that leave the main thread free between them.
    await whenRouterReady(router);
    startTransition(() => {
      hydrateRoot(container, app);
    });
  } else {
    createRoot(container).render(app);
  }
  // Coming back from the reload into a new version: what was being typed goes back into its fields.
  restoreTypedFields();
  // Barometer figures: stored on first run or when this release ships a newer version; loaded apart, never blocks the page.
  whenFirstPageShown(router, () => {
    registerServiceWorker();
    void loadEveryNamespace(i18n).catch(() => undefined);
    installBundledBenchmarks();
  });
}

/** The shipped barometer dataset, stored on first run or when newer: in a worker, off the page's thread. */
function installBundledBenchmarks(): void {
  if (typeof Worker !== 'function') {
    void import('../db/benchmarks-repository').then((m) => m.ensureBundledDataset()).catch(() => undefined);
    return;
  }
  const worker = new Worker(new URL('../db/benchmarks-install-worker.ts', import.meta.url), { type: 'module' });
  const stop = () => worker.terminate();
  worker.addEventListener('message', stop);
  worker.addEventListener('error', stop);
}

/**
 * Runs `task` once the first route has loaded and the browser is idle, so that work the page does not need (the
 * barometer dataset and its schemas, ~45 KB gzipped) never competes with the first page on a slow line.
 */
function whenFirstPageShown(router: AppRouter, task: () => void): void {
  const whenIdle = () =>
    typeof window.requestIdleCallback === 'function' ? window.requestIdleCallback(task, { timeout: 3000 }) : window.setTimeout(task, 300);
  if (router.state.initialized) {
    whenIdle();
    return;
  }
  const unsubscribe = router.subscribe((state) => {
    if (!state.initialized) return;
    unsubscribe();
    whenIdle();
  });
}

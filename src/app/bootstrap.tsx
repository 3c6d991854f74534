/**
 * Starts the app: language from the device, reopening where the user was, then the router. The first page's HTML
 * is already on screen (prerendered at build time, in French): when the app opens on that very page it hydrates
 * it, otherwise it renders over it.
 */
import type { createRoot as CreateRoot, hydrateRoot as HydrateRoot } from 'react-dom/client';
import { startTransition } from 'react';
import { getSetting, isString, setSetting, SETTING_KEYS } from '../db/settings-repository';
import { createI18n, DEFAULT_LANGUAGE, isLanguage, languageInSearch, loadEveryNamespace, type Language } from '../i18n/i18n';
import { AppProviders } from './providers';
import { createAppRouter } from './router';
import { openDatabase } from '../db/open-database';
import { db } from '../db/database';
import { LANGUAGE_PARAM } from '../i18n/language-param';
import { StartupError } from './startup-error';
import { AppRoot, whenRouterReady, type AppRouter } from './app-root';
import { registerServiceWorker } from './service-worker';
import { restoreTypedFields } from './keep-typed-fields';
import { focusTitleOfFirstPage } from '../components/page-title';
import { setEmptyAtStart } from '../features/home/empty-device';
import type { FirstVisitStart } from './first-visit';

export async function bootstrap(
  container: HTMLElement,
  { createRoot, hydrateRoot }: { createRoot: typeof CreateRoot; hydrateRoot: typeof HydrateRoot },
  firstVisit?: FirstVisitStart,
): Promise<void> {
  const prerendered = container.firstElementChild !== null;
  const opened = await openDatabase();
  if (!opened.ok) {
    firstVisit?.takeOver();
    const i18n = await createI18n(DEFAULT_LANGUAGE);
    createRoot(container).render(
      <AppProviders i18n={i18n}>
        <StartupError reason={opened.reason} />
      </AppProviders>,
    );
    return;
  }
  // The user followed a link before the app ran: its page is reached as the app's other pages are, focus included.
  // From here on, a click before the page is drawn loads its page as on any site.
  if (firstVisit?.takeOver().navigated) focusTitleOfFirstPage();
  // A language chosen on the prerendered page before the app had started (the switch's form: `?lang=en`).
  const chosen = takeLanguageFromAddress();
  const [stored, lastPath] = await Promise.all([
    getSetting(SETTING_KEYS.language, isLanguage).catch(() => undefined),
    getSetting(SETTING_KEYS.lastPath, isString).catch(() => undefined),
  ]);
  if (chosen) void setSetting(SETTING_KEYS.language, chosen).catch(() => undefined);
  // Start-up is cut into tasks the browser can slip a click or a frame between (see nextTask).
  await nextTask();
  // Only the first page's texts before the first render; the other namespaces follow once it is shown.
  const i18n = await createI18n(chosen ?? stored ?? DEFAULT_LANGUAGE, { everything: false });
  document.documentElement.lang = i18n.language;
  // Opening the app at its start page takes the user back to where she stopped, days later included; a language
  // chosen on the start page keeps her there.
  if (!chosen && window.location.pathname === '/' && lastPath && lastPath.startsWith('/') && lastPath !== '/') {
    window.history.replaceState(null, '', lastPath);
  }
  await nextTask();
  const router = createAppRouter();
  if (firstVisit && window.location.pathname === '/') {
    // A first visit's page says there is no commune (the entry script filled in the list): the home page draws the
    // same, so that it is taken over as it is. Once she leaves it, the list is the database's again.
    setEmptyAtStart(true);
    const stop = router.subscribe((state) => {
      if (state.location.pathname === '/') return;
      setEmptyAtStart(false);
      stop();
    });
  }
  const app = <AppRoot i18n={i18n} router={router} />;
  if (prerendered && i18n.language === DEFAULT_LANGUAGE && window.location.pathname === '/') {
    // The same tree as the prerender once the home page's chunk is there; as a transition, React hydrates it in
    // slices that leave the main thread free between them.
    await whenRouterReady(router);
    startTransition(() => {
      hydrateRoot(container, app);
    });
  } else {
    // The page being left (the prerendered one) stays on screen until the page asked for can be drawn whole: its
    // code and its texts (a page whose texts are missing shows « Chargement… », and React then holds the page
    // back a further 300 ms, its pace for revealing suspended content).
    await Promise.all([whenRouterReady(router), loadEveryNamespace(i18n).catch(() => undefined)]);
    createRoot(container).render(app);
  }
  // Coming back from the reload into a new version: what was being typed goes back into its fields.
  restoreTypedFields();
  whenFirstPageShown(router, [
    registerServiceWorker,
    () => void loadEveryNamespace(i18n).catch(() => undefined),
    // Barometer figures: stored on first run or when this release ships a newer version; never blocks the page.
    installBundledBenchmarks,
    // Audits waiting in the mailbox outbox leave now or when the network is back; the sync code loads only then.
    () =>
      void db.outbox
        .where('state')
        .equals('pending')
        .count()
        .then((pending) => (pending > 0 ? import('../services/sync/outbox-runner').then((m) => m.startOutboxRunner()) : undefined))
        .catch(() => undefined),
  ]);
}

/** The language of the address's `?lang=`, taken out of the address so that a reload or a bookmark does not keep it. */
function takeLanguageFromAddress(): Language | undefined {
  const language = languageInSearch(window.location.search);
  if (language) {
    const url = new URL(window.location.href);
    url.searchParams.delete(LANGUAGE_PARAM);
    window.history.replaceState(window.history.state, '', `${url.pathname}${url.search}${url.hash}`);
  }
  return language;
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
 * Runs `tasks` once the first route has loaded, one each time the browser is idle, so that work the page does not
 * need (the service worker, the other namespaces, the barometer dataset and its schemas, ~45 KB gzipped) never
 * competes with the first page on a slow line or a slow machine, nor lumps together into one long task.
 */
function whenFirstPageShown(router: AppRouter, tasks: Array<() => void>): void {
  const queue = [...tasks];
  const runNext = () => {
    const task = queue.shift();
    if (!task) return;
    task();
    whenIdle(runNext);
  };
  if (router.state.initialized) {
    whenIdle(runNext);
    return;
  }
  const unsubscribe = router.subscribe((state) => {
    if (!state.initialized) return;
    unsubscribe();
    whenIdle(runNext);
  });
}

function whenIdle(task: () => void): void {
  if (typeof window.requestIdleCallback === 'function') window.requestIdleCallback(task, { timeout: 3000 });
  else window.setTimeout(task, 300);
}

/**
 * A new task: what is left of the start-up runs after the browser has had the chance to handle a click or paint a
 * frame. On a slow machine each piece of start-up is then a short task rather than one long one (Lighthouse counts
 * every task over 50 ms as blocking).
 */
function nextTask(): Promise<void> {
  const { scheduler } = globalThis as { scheduler?: { yield?: () => Promise<void> } };
  if (typeof scheduler?.yield === 'function') return scheduler.yield();
  return new Promise((resolve) => setTimeout(resolve, 0));
}

/**
 * Entry point. The first page's HTML is prerendered (build-plugins/prerender-first-page.ts) and its stylesheets are
 * the only thing it waits for (the tokens, base elements and shared classes here; the frame's and the home page's,
 * linked by the plugin): the app's code is fetched only once the browser has shown that page, so that the text is on
 * screen as soon as it arrives, whatever the speed of the line or of the machine, and no script competes with that
 * first paint.
 *
 * React DOM and the app are fetched together but as two module graphs (the app gets React DOM from here, never
 * imports it): the browser runs each graph's code in a task of its own, so neither holds the main thread as long as
 * both would in one. React DOM's is the longer, about the one task of a bare React page.
 *
 * On a first visit (src/app/first-visit.ts) the page is complete without the app: the app starts when the user is
 * about to use one of its links, and meanwhile only the service worker is registered, so that the app is on the
 * device (and works offline) whether or not she clicks.
 */
import './styles/tokens.css';
import './styles/base.css';
import './styles/ui.css';
import { isFirstVisit, showEmptyCommunes, startOnFirstAction, type FirstVisitStart } from './app/first-visit';

const start = (firstVisit?: FirstVisitStart) =>
  void Promise.all([import('react-dom/client'), import('./app/start')]).then(([reactDom, app]) => app.start(reactDom, firstVisit));

/** Runs `task` once the page's first paint is on screen (the browser's first-contentful-paint entry). */
function afterFirstPaint(task: () => void): void {
  let started = false;
  const once = () => {
    if (started) return;
    started = true;
    task();
  };
  // A hidden tab paints nothing: start at once.
  if (document.visibilityState !== 'visible') {
    once();
    return;
  }
  if (typeof PerformanceObserver === 'function' && PerformanceObserver.supportedEntryTypes.includes('paint')) {
    const observer = new PerformanceObserver((list) => {
      if (list.getEntriesByName('first-contentful-paint').length === 0) return;
      observer.disconnect();
      setTimeout(once, 0);
    });
    observer.observe({ type: 'paint', buffered: true });
  } else {
    requestAnimationFrame(() => setTimeout(once, 0));
  }
  // Whatever the browser reports (or fails to), the app never waits longer than this.
  setTimeout(once, 3000);
}

/** Registers the service worker once the page has loaded and the browser is idle: it fetches the app for offline use. */
function registerWhenIdle(): void {
  if (!('serviceWorker' in navigator)) return;
  const register = () => void import('virtual:pwa-register').then(({ registerSW }) => registerSW({ immediate: true }));
  const whenIdle = () => (typeof requestIdleCallback === 'function' ? requestIdleCallback(register, { timeout: 3000 }) : setTimeout(register, 300));
  if (document.readyState === 'complete') whenIdle();
  else window.addEventListener('load', whenIdle, { once: true });
}

void isFirstVisit().then((first) => {
  if (first && showEmptyCommunes()) {
    registerWhenIdle();
    startOnFirstAction(start);
  } else {
    afterFirstPaint(() => start());
  }
});

/**
 * A first visit: the home page as prerendered, in French, on a device that holds nothing yet. Everything that page
 * shows is in its HTML, save the list of communes, which is empty; its links and its language switch are plain
 * links and a plain form. So the app (React DOM, the router, the database: most of the start-up's main-thread time)
 * starts only when the user is about to use one of them, and her click then happens inside the app, without a page
 * load.
 *
 * Kept free of React, i18next and Dexie: it runs in the entry script, before any of them is loaded.
 */
import { DATABASE_NAME } from '../db/database-name';
import { LANGUAGE_PARAM } from '../i18n/language-param';
import { COMMUNES_SLOT_ID, EMPTY_COMMUNES_TEMPLATE_ID } from '../features/home/empty-device';

/** Set once the first visit's page is complete without the app: what the browser tests wait for. */
export const FIRST_VISIT_MARK = 'cyberdiag:first-visit-shown';

/**
 * Whether this page is a first visit (see above). Anything unsure (no `indexedDB.databases()`, storage refused,
 * another page or language asked for) answers no, and the app starts as on any other visit.
 */
export async function isFirstVisit(): Promise<boolean> {
  const root = document.getElementById('root');
  if (!root?.firstElementChild || window.location.pathname !== '/') return false;
  if (new URLSearchParams(window.location.search).has(LANGUAGE_PARAM)) return false;
  if (typeof indexedDB === 'undefined' || typeof indexedDB.databases !== 'function') return false;
  try {
    const databases = await indexedDB.databases();
    return !databases.some((database) => database.name === DATABASE_NAME);
  } catch {
    return false;
  }
}

/** Puts the empty list where the page says « Chargement… ». False if the page lacks either (then start the app). */
export function showEmptyCommunes(): boolean {
  const slot = document.getElementById(COMMUNES_SLOT_ID);
  const empty = document.getElementById(EMPTY_COMMUNES_TEMPLATE_ID);
  if (!slot || !(empty instanceof HTMLTemplateElement)) return false;
  slot.replaceChildren(empty.content.cloneNode(true));
  performance.mark(FIRST_VISIT_MARK);
  return true;
}

/** What the app is given when it starts on a first visit's page. */
export interface FirstVisitStart {
  /**
   * Called by the app once its router is made (from then on, its own links and buttons answer): stops catching
   * clicks, and says whether the user followed a link or sent the form before (the app then opens on that page).
   */
  takeOver: () => { navigated: boolean };
}

/**
 * Starts the app as soon as the user shows she is about to act: the pointer over a link or button, a touch, the
 * keyboard's focus on one, so that the app is often running by the time she clicks. A click on a link of the app or
 * the language form sent before it runs does not load a page: its address goes in the history and the app opens on
 * it (a second click while the app loads changes that address).
 */
export function startOnFirstAction(start: (firstVisit: FirstVisitStart) => void): void {
  let started = false;
  let navigated = false;
  const intents = ['pointerover', 'pointerdown', 'touchstart', 'focusin'] as const;
  const begin = () => {
    if (started) return;
    started = true;
    start({
      takeOver: () => {
        for (const type of intents) document.removeEventListener(type, onIntent, true);
        document.removeEventListener('click', onClick, true);
        document.removeEventListener('submit', onSubmit, true);
        return { navigated };
      },
    });
  };
  const go = (url: URL) => {
    const address = `${url.pathname}${url.search}${url.hash}`;
    if (navigated) window.history.replaceState(null, '', address);
    else window.history.pushState(null, '', address);
    navigated = true;
    begin();
  };
  const onIntent = (event: Event) => {
    if (event.target instanceof Element && event.target.closest('a[href], button, input, select, textarea, summary')) begin();
  };
  const onClick = (event: MouseEvent) => {
    // A new tab or window, a download, a modified click: the browser's, as on any page.
    if (event.defaultPrevented || event.button !== 0 || event.metaKey || event.ctrlKey || event.shiftKey || event.altKey) return;
    const link = event.target instanceof Element ? event.target.closest('a[href]') : null;
    if (!(link instanceof HTMLAnchorElement) || (link.target !== '' && link.target !== '_self') || link.hasAttribute('download')) return;
    const url = new URL(link.href);
    if (url.origin !== window.location.origin) return;
    // The skip link and other anchors within the page: the browser moves there itself.
    if (url.hash !== '' && url.pathname === window.location.pathname && url.search === window.location.search) return;
    event.preventDefault();
    go(url);
  };
  const onSubmit = (event: SubmitEvent) => {
    const form = event.target;
    if (!(form instanceof HTMLFormElement) || form.method !== 'get') return;
    const url = new URL(form.action);
    if (url.origin !== window.location.origin) return;
    const fields = new URLSearchParams();
    new FormData(form).forEach((value, name) => {
      if (typeof value === 'string') fields.append(name, value);
    });
    const submitter = event.submitter;
    if ((submitter instanceof HTMLButtonElement || submitter instanceof HTMLInputElement) && submitter.name !== '') fields.append(submitter.name, submitter.value);
    url.search = fields.toString();
    event.preventDefault();
    go(url);
  };
  for (const type of intents) document.addEventListener(type, onIntent, { capture: true, passive: true });
  document.addEventListener('click', onClick, true);
  document.addEventListener('submit', onSubmit, true);
}

/**
 * Starts the app in the page (loaded by src/main.tsx once the prerendered first page is on screen). React DOM comes
 * from the entry, loaded beside this module rather than by it, so that the browser runs the two apart.
 */
import './parse-without-eval';
import type { createRoot, hydrateRoot } from 'react-dom/client';
import { bootstrap } from './bootstrap';
import type { FirstVisitStart } from './first-visit';

/** `firstVisit`: the app starts on a first visit's page, as the user is about to act (src/app/first-visit.ts). */
export function start(reactDom: { createRoot: typeof createRoot; hydrateRoot: typeof hydrateRoot }, firstVisit?: FirstVisitStart): void {
  const container = document.getElementById('root');
  if (container) void bootstrap(container, reactDom, firstVisit);
}

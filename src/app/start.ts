/**
 * Starts the app in the page (loaded by src/main.tsx once the prerendered first page is on screen). React DOM comes
 * from the entry, loaded beside this module rather than by it, so that the browser runs the two apart.
 */
import './parse-without-eval';
import type { createRoot, hydrateRoot } from 'react-dom/client';
import { bootstrap } from './bootstrap';

export function start(reactDom: { createRoot: typeof createRoot; hydrateRoot: typeof hydrateRoot }): void {
  const container = document.getElementById('root');
  if (container) void bootstrap(container, reactDom);
}

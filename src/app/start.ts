/** Starts the app in the page (loaded by src/main.tsx once the prerendered first page is on screen). */
import './parse-without-eval';
import { createRoot, hydrateRoot } from 'react-dom/client';
import { bootstrap } from './bootstrap';

export function start(): void {
  const container = document.getElementById('root');
  if (container) void bootstrap(container, { createRoot, hydrateRoot });
}

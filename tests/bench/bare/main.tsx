/** The reference of tests/bench/lighthouse.mjs: a bare React page, rendered in the browser, as Vite's template makes. */
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';

function BarePage() {
  return (
    <main>
      <h1>Une page React nue</h1>
      <p>
        Le banc d’essai mesure la première page de Cyberdiag à côté de celle-ci, construite par le même Vite et servie
        par le même serveur, pour savoir ce que coûte l’application au-delà de React lui-même.
      </p>
    </main>
  );
}

const container = document.getElementById('root');
if (container)
  createRoot(container).render(
    <StrictMode>
      <BarePage />
    </StrictMode>,
  );

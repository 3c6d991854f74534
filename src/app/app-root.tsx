/** The whole app as rendered in the browser and prerendered at build time: the same tree, so that it hydrates. */
import type { i18n as I18n } from 'i18next';
import { StrictMode, useEffect } from 'react';
import { RouterProvider, type createBrowserRouter } from 'react-router';
import { AppProviders } from './providers';

export const APP_READY_MARK = 'cyberdiag:app-ready';

export type AppRouter = ReturnType<typeof createBrowserRouter>;

export function AppRoot({ i18n, router }: { i18n: I18n; router: AppRouter }) {
  // The moment the app answers clicks (hydrated or rendered): what the benchmarks and the first-page test wait for.
  useEffect(() => {
    performance.mark(APP_READY_MARK);
  }, []);
  return (
    <StrictMode>
      <AppProviders i18n={i18n}>
        <RouterProvider router={router} />
      </AppProviders>
    </StrictMode>
  );
}

/** Resolves once the router has matched its first route and loaded that route's lazy page. */
export function whenRouterReady(router: AppRouter): Promise<void> {
  if (router.state.initialized) return Promise.resolve();
  return new Promise((resolve) => {
    const unsubscribe = router.subscribe((state) => {
      if (!state.initialized) return;
      unsubscribe();
      resolve();
    });
  });
}

/**
 * Build-time entry (build-plugins/prerender-first-page.ts runs it in Node): the first page, in French from the
 * locale files, as HTML, so that its text paints before any script has run; the browser then hydrates it.
 */
import { prerender } from 'react-dom/static';
import { createMemoryRouter } from 'react-router';
import { createI18n, DEFAULT_LANGUAGE } from '../i18n/i18n';
import { AppRoot, whenRouterReady } from './app-root';
import { appRoutes } from './router';

export async function renderFirstPage(): Promise<string> {
  const i18n = await createI18n(DEFAULT_LANGUAGE, { everything: false });
  const router = createMemoryRouter(appRoutes(), { initialEntries: ['/'] });
  await whenRouterReady(router);
  const { prelude } = await prerender(<AppRoot i18n={i18n} router={router} />);
  return new Response(prelude).text();
}

/**
 * Build-time entry (build-plugins/prerender-first-page.ts runs it in Node): the first page, in French from the
 * locale files, as HTML, so that its text paints before any script has run; the browser then hydrates it. Beside
 * it, the list of communes as a device with none shows it, which a first visit puts in the page without the app
 * (src/app/first-visit.ts).
 */
import { I18nextProvider } from 'react-i18next';
import { prerender } from 'react-dom/static';
import { createMemoryRouter } from 'react-router';
import type { ReactNode } from 'react';
import { createI18n, DEFAULT_LANGUAGE } from '../i18n/i18n';
import { EmptyCommunes } from '../features/home/home-page';
import { AppRoot, whenRouterReady } from './app-root';
import { EMPTY_COMMUNES_TEMPLATE_ID } from '../features/home/empty-device';
import { appRoutes } from './router';

async function html(node: ReactNode): Promise<string> {
  const { prelude } = await prerender(node);
  return new Response(prelude).text();
}

export async function renderFirstPage(): Promise<{ html: string; beside: string }> {
  const i18n = await createI18n(DEFAULT_LANGUAGE, { everything: false });
  const router = createMemoryRouter(appRoutes(), { initialEntries: ['/'] });
  await whenRouterReady(router);
  const empty = await html(
    <I18nextProvider i18n={i18n}>
      <EmptyCommunes />
    </I18nextProvider>,
  );
  return {
    html: await html(<AppRoot i18n={i18n} router={router} />),
    beside: `<template id="${EMPTY_COMMUNES_TEMPLATE_ID}">${empty}</template>`,
  };
}

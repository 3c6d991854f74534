/** The one render helper of component tests: real i18n (French unless asked), the app's routes in memory, fake IndexedDB. */
import { render } from '@testing-library/react';
import { setupUser } from './user';
import { RouterProvider } from 'react-router';
import { AppProviders } from '../src/app/providers';
import { createTestRouter } from '../src/app/router';
import { createI18n, type Language } from '../src/i18n/i18n';

export async function renderApp(path: string, { language = 'fr' as Language } = {}) {
  const i18n = await createI18n(language);
  const router = createTestRouter(path);
  const user = setupUser();
  const view = render(
    <AppProviders i18n={i18n}>
      <RouterProvider router={router} />
    </AppProviders>,
  );
  return { ...view, user, router, i18n };
}

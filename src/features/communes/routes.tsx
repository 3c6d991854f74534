/** Communes: the profile form and a commune's page with its audits. */
import type { FeatureRoutes } from '../../components/feature-routes';

export const featureRoutes: FeatureRoutes = {
  routes: [
    { path: 'communes/new', lazy: () => import('./commune-form-page').then((m) => ({ Component: m.NewCommunePage })) },
    { path: 'communes/:communeId', lazy: () => import('./commune-page').then((m) => ({ Component: m.CommunePage })) },
    {
      path: 'communes/:communeId/edit',
      lazy: () => import('./commune-form-page').then((m) => ({ Component: m.EditCommunePage })),
    },
  ],
};

/** History: two audits of one commune compared (scores, answers, actions done since). */
import type { FeatureRoutes } from '../../components/feature-routes';

export const featureRoutes: FeatureRoutes = {
  routes: [
    { path: 'communes/:communeId/compare', lazy: () => import('./compare-page').then((m) => ({ Component: m.ComparePage })) },
  ],
};

/** Results of an audit: scores, maturity, gaps first, and why each score is what it is. */
import type { FeatureRoutes } from '../../components/feature-routes';

export const featureRoutes: FeatureRoutes = {
  routes: [
    { path: 'audits/:auditId/results', lazy: () => import('./results-page').then((m) => ({ Component: m.ResultsPage })) },
  ],
};

/** Results of an audit: scores, maturity, gaps first, and why each score is what it is. */
import { scoped } from '../../components/audit-route';
import type { FeatureRoutes } from '../../components/feature-routes';

export const featureRoutes: FeatureRoutes = {
  routes: [
    { path: 'audits/:auditId/results', lazy: () => scoped(import('./results-page').then((m) => m.ResultsPage)) },
  ],
};

/** The action plan of an audit, editable: who does what, by when, and where it stands; the questions to ask. */
import type { FeatureRoutes } from '../../components/feature-routes';

export const featureRoutes: FeatureRoutes = {
  routes: [
    { path: 'audits/:auditId/plan', lazy: () => import('./plan-page').then((m) => ({ Component: m.PlanPage })) },
    { path: 'audits/:auditId/questions', lazy: () => import('./questions-page').then((m) => ({ Component: m.QuestionsPage })) },
  ],
};

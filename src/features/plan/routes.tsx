/** The action plan of an audit, editable: who does what, by when, and where it stands; the questions to ask. */
import { scoped } from '../../components/audit-route';
import type { FeatureRoutes } from '../../components/feature-routes';

export const featureRoutes: FeatureRoutes = {
  routes: [
    { path: 'audits/:auditId/plan', lazy: () => scoped(import('./plan-page').then((m) => m.PlanPage)) },
    { path: 'audits/:auditId/questions', lazy: () => scoped(import('./questions-page').then((m) => m.QuestionsPage)) },
  ],
};

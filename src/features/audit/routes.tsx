/** The audit itself: one page per theme, answers stored as they are given. */
import { scoped } from '../../components/audit-route';
import type { FeatureRoutes } from '../../components/feature-routes';

export const featureRoutes: FeatureRoutes = {
  routes: [
    { path: 'audits/:auditId', lazy: () => scoped(import('./audit-entry').then((m) => m.AuditEntry)) },
    {
      path: 'audits/:auditId/themes/:themeId',
      lazy: () => scoped(import('./theme-page').then((m) => m.ThemePage)),
    },
  ],
};

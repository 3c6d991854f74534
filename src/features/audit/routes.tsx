/** The audit itself: one page per theme, answers stored as they are given. */
import type { FeatureRoutes } from '../../components/feature-routes';

export const featureRoutes: FeatureRoutes = {
  routes: [
    { path: 'audits/:auditId', lazy: () => import('./audit-entry').then((m) => ({ Component: m.AuditEntry })) },
    {
      path: 'audits/:auditId/themes/:themeId',
      lazy: () => import('./theme-page').then((m) => ({ Component: m.ThemePage })),
    },
  ],
};

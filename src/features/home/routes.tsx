/** Home: what Cyberdiag is, the communes on this device and the audit to resume. */
import type { FeatureRoutes } from '../../components/feature-routes';

export const featureRoutes: FeatureRoutes = {
  routes: [{ index: true, lazy: () => import('./home-page').then((m) => ({ Component: m.HomePage })) }],
  nav: [{ to: '/', labelKey: 'nav.home', order: 0 }],
};

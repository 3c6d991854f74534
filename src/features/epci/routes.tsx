/** The EPCI view: an intercommunalité (or every commune on the device) and its members' audits, consolidated. */
import type { FeatureRoutes } from '../../components/feature-routes';

const page = () => import('./epci-page').then((m) => ({ Component: m.EpciPage }));

export const featureRoutes: FeatureRoutes = {
  routes: [
    { path: 'epci', lazy: page },
    { path: 'epci/:scope', lazy: page },
  ],
  nav: [{ to: '/epci', labelKey: 'nav.epci', order: 70 }],
};

/** Benchmarks: the barometer dataset in use, every figure with its source, and the import of a newer file. */
import type { FeatureRoutes } from '../../components/feature-routes';

export const featureRoutes: FeatureRoutes = {
  routes: [{ path: 'benchmarks', lazy: () => import('./benchmarks-page').then((m) => ({ Component: m.BenchmarksPage })) }],
  nav: [{ to: '/benchmarks', labelKey: 'nav.benchmarks', order: 60 }],
};

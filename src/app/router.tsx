/**
 * The router. Each feature lists its own routes in src/features/<name>/routes.tsx (pages loaded lazily);
 * this is the only place that puts them together.
 */
import { createBrowserRouter, createMemoryRouter, type RouteObject } from 'react-router';
import type { FeatureRoutes } from '../components/feature-routes';
import { Layout } from './layout';
import { RouteError } from './route-error';
import { Loading } from '../components/loading';

const featureModules = import.meta.glob<FeatureRoutes>('../features/*/routes.tsx', { eager: true, import: 'featureRoutes' });

export const features: FeatureRoutes[] = Object.values(featureModules);

export function appRoutes(): RouteObject[] {
  return [
    {
      path: '/',
      element: <Layout navItems={features.flatMap((f) => f.nav ?? []).sort((a, b) => a.order - b.order)} />,
      errorElement: <RouteError />,
      hydrateFallbackElement: <Loading />,
      children: [{ errorElement: <RouteError />, children: features.flatMap((f) => f.routes) }],
    },
  ];
}

export function createAppRouter() {
  return createBrowserRouter(appRoutes());
}

export function createTestRouter(initialPath: string) {
  return createMemoryRouter(appRoutes(), { initialEntries: [initialPath] });
}

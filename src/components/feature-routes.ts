/** What a feature's routes.tsx exports for the app's router and navigation. */
import type { RouteObject } from 'react-router';

export interface NavItem {
  to: string;
  /** i18n key in the "common" namespace. */
  labelKey: string;
  order: number;
}

export interface FeatureRoutes {
  routes: RouteObject[];
  nav?: NavItem[];
}

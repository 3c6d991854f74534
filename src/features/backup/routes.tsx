/** Backup and files: full backup and restore, exporting audits, importing files, storage status. */
import type { FeatureRoutes } from '../../components/feature-routes';

export const featureRoutes: FeatureRoutes = {
  routes: [
    { path: 'donnees', lazy: () => import('./data-page').then((m) => ({ Component: m.DataPage })) },
    { path: 'donnees/exporter', lazy: () => import('./export-page').then((m) => ({ Component: m.ExportPage })) },
    { path: 'donnees/importer', lazy: () => import('./import-page').then((m) => ({ Component: m.ImportPage })) },
  ],
  nav: [{ to: '/donnees', labelKey: 'nav.data', order: 80 }],
};

/** Shown instead of the app when the database cannot be opened: why, and what to do, without touching the data. */
import { useTranslation } from 'react-i18next';
import type { OpenFailure } from '../db/open-database';
import './layout.css';

export function StartupError({ reason }: { reason: OpenFailure }) {
  const { t } = useTranslation();
  return (
    <main id="main" className="site-main">
      <section className="page page--narrow" aria-labelledby="startup-error-title">
        <h1 id="startup-error-title">{t(`startup.${reason}.title`)}</h1>
        <p>{t(`startup.${reason}.body`)}</p>
      </section>
    </main>
  );
}

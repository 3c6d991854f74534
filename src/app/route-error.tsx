/** Shown when a page fails or no route matches: a plain message and a way back, never a stack trace. */
import { useTranslation } from 'react-i18next';
import { Link, isRouteErrorResponse, useRouteError } from 'react-router';
import { useNotAPage } from '../components/page-memory';

export function RouteError() {
  const { t } = useTranslation();
  const error = useRouteError();
  useNotAPage();
  const notFound = isRouteErrorResponse(error) && error.status === 404;
  return (
    <section className="page" aria-labelledby="error-title">
      <h1 id="error-title">{notFound ? t('errors.notFound.title') : t('errors.unexpected.title')}</h1>
      <p>{notFound ? t('errors.notFound.body') : t('errors.unexpected.body')}</p>
      <p>
        <Link to="/">{t('errors.backHome')}</Link>
      </p>
    </section>
  );
}

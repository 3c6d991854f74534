/**
 * What a page with an id shows when its record is not on this device (deleted, or made on another device): what
 * is missing, and a way back. The address is not remembered as the page to reopen.
 */
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { PageTitle } from './page-title';
import { useNotAPage } from './page-memory';

export type MissingRecord = 'audit' | 'commune' | 'theme' | 'epci';

export function NotFound({ missing, back }: { missing: MissingRecord; back?: { to: string; label: string } }) {
  const { t } = useTranslation();
  useNotAPage();
  const title = t('errors.notFound.title');
  return (
    <section className="page">
      <PageTitle title={title}>{title}</PageTitle>
      <p>{t(`errors.notFound.${missing}`)}</p>
      <p>{back ? <Link to={back.to}>{back.label}</Link> : <Link to="/">{t('errors.backHome')}</Link>}</p>
    </section>
  );
}

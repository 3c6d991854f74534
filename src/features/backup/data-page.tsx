/** Backup and files: storage status, full backup, restore, the ways to export and import audits, erasing everything. */
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { PageTitle } from '../../components/page-title';
import { BackupSection } from './backup-section';
import { EraseSection } from './erase-section';
import { RestoreSection } from './restore-section';
import { StorageStatus } from './storage-status';
import './backup.css';

export function DataPage() {
  const { t } = useTranslation('exchange');
  return (
    <section className="page">
      <PageTitle title={t('title')}>{t('title')}</PageTitle>
      <p className="lead">{t('intro')}</p>
      <StorageStatus />
      <BackupSection />
      <p className="card__actions">
        <Link className="button" to="/donnees/exporter">
          {t('links.export')}
        </Link>
        <Link className="button" to="/donnees/importer">
          {t('links.import')}
        </Link>
      </p>
      <RestoreSection />
      <EraseSection />
    </section>
  );
}

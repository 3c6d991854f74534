/**
 * The EPCI view: choose the intercommunalité in the official directory (or every commune on the device, for an
 * OPSN or a département), import the members' audit files, and see where the members stand: who has sent an
 * audit, each theme's spread against the barometers, the heat map of the communes, the gaps they share and
 * the pooled answers, with CSV and PDF exports for the conseil communautaire.
 */
import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate, useParams } from 'react-router';
import { EpciSearch } from '../../components/commune-search';
import { Loading } from '../../components/loading';
import { NotFound } from '../../components/not-found';
import { PageTitle } from '../../components/page-title';
import { useLocalize } from '../../components/use-questionnaire';
import { selectRows } from '../../domain/epci/select-rows';
import { CommunesTable, HeatLegend, type TableTheme } from './communes-table';
import { CsvExportButton } from './csv-export-button';
import { XlsxExportButton } from './xlsx-export-button';
import { useEpciStore } from './epci-store';
import { ImportPanel } from './import-panel';
import { MailboxPanel } from './mailbox-panel';
import { MembersPanel } from './members-panel';
import { PdfExportButton } from './pdf-export-button';
import { SharedGapsPanel } from './shared-gaps-panel';
import { TableFilters } from './table-filters';
import { ThemeOverview } from './theme-overview';
import { useEpciData, type EpciData, type ScopeParam } from './use-epci-data';
import '../../components/score-tables.css';
import './epci.css';

/** The route parameter for "every commune on this device". */
export const ALL_COMMUNES = 'toutes';

function EpciChooser() {
  const { t } = useTranslation('epci');
  const navigate = useNavigate();
  const title = t('title');
  return (
    <section className="page">
      <PageTitle title={title}>{title}</PageTitle>
      <p className="lead">{t('intro')}</p>
      <EpciSearch label={t('choose.label')} onSelect={(epci) => void navigate(`/epci/${epci.siren}`)} />
      <p>
        {t('choose.orAll')} <Link to={`/epci/${ALL_COMMUNES}`}>{t('choose.all')}</Link>
      </p>
    </section>
  );
}

function Figures({ data, label }: { data: EpciData; label: string }) {
  const { t } = useTranslation('epci');
  const localize = useLocalize();
  const query = useEpciStore((state) => state.query);
  const { aggregate } = data;
  const themes: TableTheme[] = useMemo(
    () => data.questionnaire.themes.map((theme) => ({ id: theme.id, title: localize(theme.title) })),
    [data.questionnaire, localize],
  );
  const rows = useMemo(() => selectRows(aggregate.rows, query), [aggregate.rows, query]);

  return (
    <>
      {aggregate.members && (
        <section aria-labelledby="epci-members">
          <h2 id="epci-members">{t('members.title')}</h2>
          <MembersPanel audited={aggregate.members.audited} missing={aggregate.members.missing} inProgress={aggregate.inProgress} />
        </section>
      )}

      <section aria-labelledby="epci-themes">
        <h2 id="epci-themes">{t('themes.title')}</h2>
        <ThemeOverview aggregate={aggregate} themes={themes} comparisons={data.comparisons} hasDataset={data.dataset !== null} />
      </section>

      <section aria-labelledby="epci-table">
        <h2 id="epci-table">{t('table.title')}</h2>
        <p>{t('table.intro')}</p>
        <TableFilters query={query} themes={themes} />
        <p role="status" className="epci-table__count">
          {t('table.count', { count: rows.length, total: aggregate.rows.length })}
        </p>
        <HeatLegend />
        <CommunesTable rows={rows} themes={themes} query={query} />
      </section>

      <section aria-labelledby="epci-gaps">
        <h2 id="epci-gaps">{t('gaps.title')}</h2>
        <p>{t('gaps.intro')}</p>
        <SharedGapsPanel gaps={aggregate.gaps} catalogue={data.catalogue} themes={themes} />
      </section>

      <section aria-labelledby="epci-export">
        <h2 id="epci-export">{t('export.title')}</h2>
        <XlsxExportButton rows={rows} themes={themes} label={label} />
        <CsvExportButton rows={rows} themes={themes} label={label} />
        <PdfExportButton data={data} label={label} />
      </section>
    </>
  );
}

function EpciView({ param }: { param: ScopeParam }) {
  const { t } = useTranslation('epci');
  const [state, onImported] = useEpciData(param);
  if (state.status === 'not-found') return <NotFound missing="epci" back={{ to: '/epci', label: t('view.change') }} />;
  const label =
    param.kind === 'all' ? t('all.title') : state.status === 'ready' && state.data.scope.kind === 'epci' ? state.data.scope.name : t('title');

  return (
    <section className="page epci-page">
      <PageTitle title={label}>{label}</PageTitle>
      <p className="lead">{param.kind === 'all' ? t('all.intro') : t('view.intro')}</p>
      <p>
        <Link to="/epci">{t('view.change')}</Link>
      </p>
      <ImportPanel onImported={onImported} />
      <MailboxPanel onImported={onImported} />
      {state.status === 'loading' && <Loading />}
      {state.status === 'failed' && (
        <p className="alert alert--error" role="alert">
          {t('view.failed')}
        </p>
      )}
      {state.status === 'ready' && <Figures data={state.data} label={label} />}
    </section>
  );
}

export function EpciPage() {
  const { scope } = useParams();
  if (!scope) return <EpciChooser />;
  return <EpciView key={scope} param={scope === ALL_COMMUNES ? { kind: 'all' } : { kind: 'epci', siren: scope }} />;
}

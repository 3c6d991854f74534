/** Creating a commune, or editing its profile. */
import { useLiveQuery } from 'dexie-react-hooks';
import { useTranslation } from 'react-i18next';
import { useNavigate, useParams } from 'react-router';
import { createCommune, getCommune, updateCommune } from '../../db/communes-repository';
import type { CommuneRecord } from '../../db/records';
import { Loading } from '../../components/loading';
import { NotFound } from '../../components/not-found';
import { PageTitle } from '../../components/page-title';
import { CommuneForm, emptyCommuneForm, type CommuneFormValues } from './commune-form';

export function NewCommunePage() {
  const { t } = useTranslation('communes');
  const navigate = useNavigate();
  return (
    <section className="page page--narrow">
      <PageTitle title={t('new.title')}>{t('new.title')}</PageTitle>
      <p className="lead">{t('new.intro')}</p>
      <CommuneForm
        initial={emptyCommuneForm}
        submitLabel={t('new.submit')}
        onSubmit={async (data) => {
          const commune = await createCommune(data);
          await navigate(`/communes/${commune.id}`);
        }}
      />
    </section>
  );
}

function toFormValues(commune: CommuneRecord): CommuneFormValues {
  return {
    name: commune.name,
    insee: commune.insee,
    postcode: commune.postcode,
    epciSiren: commune.epciSiren,
    epciName: commune.epciName,
    population: String(commune.profile.population),
    agents: String(commune.profile.agents),
    computers: String(commune.profile.computers),
    itProvider: commune.profile.itProvider ? 'yes' : 'no',
    hasServer: commune.profile.hasServer ? 'yes' : 'no',
  };
}

export function EditCommunePage() {
  const { t } = useTranslation('communes');
  const navigate = useNavigate();
  const { communeId = '' } = useParams();
  const commune = useLiveQuery(() => getCommune(communeId), [communeId], null);
  if (commune === undefined) return <NotFound missing="commune" />;
  if (commune === null) return <Loading />;
  return (
    <section className="page page--narrow">
      <PageTitle title={t('edit.title', { commune: commune.name })}>{t('edit.title', { commune: commune.name })}</PageTitle>
      <CommuneForm
        initial={toFormValues(commune)}
        submitLabel={t('edit.submit')}
        onSubmit={async (data) => {
          await updateCommune(commune.id, data);
          await navigate(`/communes/${commune.id}`);
        }}
      />
    </section>
  );
}

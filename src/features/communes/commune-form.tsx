/** The commune's identity and profile: what the audit needs to know to ask only the questions that apply. */
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { CommuneSearch } from '../../components/commune-search';
import { ChoiceField, TextField } from '../../components/field';
import type { CommuneMatch } from '../../domain/directory/search-directory';
import { communeInputSchema, type CommuneInputData } from '../../domain/audit/commune-schema';
import { INSEE_LENGTH, TEXT_LIMITS } from '../../domain/limits';

export interface CommuneFormValues {
  name: string;
  insee: string;
  postcode: string;
  epciSiren: string;
  epciName: string;
  population: string;
  agents: string;
  computers: string;
  itProvider: 'yes' | 'no' | undefined;
  hasServer: 'yes' | 'no' | undefined;
}

export const emptyCommuneForm: CommuneFormValues = {
  name: '',
  insee: '',
  postcode: '',
  epciSiren: '',
  epciName: '',
  population: '',
  agents: '',
  computers: '',
  itProvider: undefined,
  hasServer: undefined,
};

type Errors = Partial<Record<keyof CommuneFormValues, string>>;

const toNumber = (value: string): number => (value.trim() === '' ? Number.NaN : Number(value.replace(/\s/g, '')));

function toInput(values: CommuneFormValues): unknown {
  return {
    name: values.name,
    insee: values.insee.trim().toUpperCase(),
    postcode: values.postcode.trim(),
    epciSiren: values.epciSiren.trim(),
    epciName: values.epciName,
    profile: {
      population: toNumber(values.population),
      agents: toNumber(values.agents),
      computers: toNumber(values.computers),
      itProvider: values.itProvider === undefined ? undefined : values.itProvider === 'yes',
      hasServer: values.hasServer === undefined ? undefined : values.hasServer === 'yes',
    },
  };
}

export function CommuneForm({
  initial,
  submitLabel,
  onSubmit,
}: {
  initial: CommuneFormValues;
  submitLabel: string;
  onSubmit: (data: CommuneInputData) => Promise<void>;
}) {
  const { t } = useTranslation('communes');
  const { t: td } = useTranslation('directory');
  const [values, setValues] = useState(initial);
  const [filledFrom, setFilledFrom] = useState<CommuneMatch | null>(null);
  const [errors, setErrors] = useState<Errors>({});
  const [failure, setFailure] = useState<string | null>(null);
  const set = <K extends keyof CommuneFormValues>(key: K, value: CommuneFormValues[K]) =>
    setValues((v) => ({ ...v, [key]: value }));

  // A commune picked in the official directory fills what the directory knows; the rest stays as typed.
  const fillFromDirectory = (match: CommuneMatch) => {
    const { commune } = match;
    setValues((v) => ({
      ...v,
      name: commune.name,
      insee: commune.insee,
      postcode: match.postcode,
      population: commune.population === null ? v.population : String(commune.population),
      epciSiren: commune.epci?.siren ?? '',
      epciName: commune.epci?.name ?? '',
    }));
    setErrors((e) => ({ ...e, name: undefined, insee: undefined, postcode: undefined, population: undefined, epciSiren: undefined, epciName: undefined }));
    setFilledFrom(match);
  };

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    const result = communeInputSchema.safeParse(toInput(values));
    if (!result.success) {
      const next: Errors = {};
      for (const issue of result.error.issues) {
        const field = String(issue.path[issue.path.length - 1]) as keyof CommuneFormValues;
        const code = issue.code === 'invalid_type' ? 'required' : issue.message;
        next[field] ??= t(`errors.${code}`, { defaultValue: t('errors.invalid') });
      }
      setErrors(next);
      const first = Object.keys(next)[0];
      if (first) document.querySelector<HTMLElement>(`[name="${first}"]`)?.focus();
      return;
    }
    setErrors({});
    try {
      await onSubmit(result.data);
    } catch {
      setFailure(t('errors.saveFailed'));
    }
  };

  const yesNo = [
    { value: 'yes' as const, label: t('yes') },
    { value: 'no' as const, label: t('no') },
  ];

  return (
    <form onSubmit={(e) => void submit(e)} noValidate className="form">
      {failure && (
        <p role="alert" className="alert alert--error">
          {failure}
        </p>
      )}
      <CommuneSearch onSelect={fillFromDirectory} />
      {filledFrom && (
        <p className="alert alert--success">
          {td(filledFrom.commune.epci ? 'form.filled' : 'form.filledNoEpci', { name: filledFrom.commune.name })}
        </p>
      )}
      <TextField label={t('fields.name')} name="name" value={values.name} onChange={(e) => set('name', e.target.value)} error={errors.name} autoComplete="off" required maxLength={TEXT_LIMITS.communeName} />
      <div className="form-row">
        <TextField label={t('fields.insee')} hint={t('hints.insee')} name="insee" value={values.insee} onChange={(e) => set('insee', e.target.value)} error={errors.insee} inputMode="text" maxLength={INSEE_LENGTH} />
        <TextField label={t('fields.postcode')} name="postcode" value={values.postcode} onChange={(e) => set('postcode', e.target.value)} error={errors.postcode} inputMode="numeric" maxLength={5} />
      </div>
      <div className="form-row">
        <TextField label={td('form.epciName')} name="epciName" value={values.epciName} onChange={(e) => set('epciName', e.target.value)} error={errors.epciName} autoComplete="off" maxLength={TEXT_LIMITS.epciName} />
        <TextField label={td('form.epciSiren')} hint={td('form.epciSirenHint')} name="epciSiren" value={values.epciSiren} onChange={(e) => set('epciSiren', e.target.value)} error={errors.epciSiren} inputMode="numeric" maxLength={9} />
      </div>
      <div className="form-row">
        <TextField label={t('fields.population')} name="population" value={values.population} onChange={(e) => set('population', e.target.value)} error={errors.population} inputMode="numeric" required />
        <TextField label={t('fields.agents')} hint={t('hints.agents')} name="agents" value={values.agents} onChange={(e) => set('agents', e.target.value)} error={errors.agents} inputMode="numeric" required />
        <TextField label={t('fields.computers')} hint={t('hints.computers')} name="computers" value={values.computers} onChange={(e) => set('computers', e.target.value)} error={errors.computers} inputMode="numeric" required />
      </div>
      <ChoiceField legend={t('fields.itProvider')} hint={t('hints.itProvider')} name="itProvider" value={values.itProvider} choices={yesNo} onChange={(v) => set('itProvider', v)} error={errors.itProvider} />
      <ChoiceField legend={t('fields.hasServer')} hint={t('hints.hasServer')} name="hasServer" value={values.hasServer} choices={yesNo} onChange={(v) => set('hasServer', v)} error={errors.hasServer} />
      <p>
        <button type="submit" className="button button--primary">
          {submitLabel}
        </button>
      </p>
    </form>
  );
}

/** The optional passphrase of an export: a checkbox, the passphrase twice, and the warning that it cannot be recovered. */
import { useEffect, useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { TextField } from '../../components/field';
import { loadStrengthEstimator, STRONG_ENOUGH_SCORE, type StrengthEstimator } from './passphrase-strength';

export const PASSPHRASE_MIN_LENGTH = 10;

export interface PassphraseState {
  enabled: boolean;
  passphrase: string;
  confirmation: string;
  /** The estimator's score of `passphrase` (passphrase-strength.ts), null until it is loaded. */
  strength: number | null;
}

export const NO_PASSPHRASE: PassphraseState = { enabled: false, passphrase: '', confirmation: '', strength: null };

export type PassphraseProblem = 'tooShort' | 'tooWeak' | 'judging' | 'mismatch';

export function passphraseProblem({ enabled, passphrase, confirmation, strength }: PassphraseState): PassphraseProblem | null {
  if (!enabled) return null;
  if ([...passphrase].length < PASSPHRASE_MIN_LENGTH) return 'tooShort';
  // Not judged yet (the estimator loads when the box is ticked): wait for it rather than accept a weak phrase.
  if (strength === null) return 'judging';
  if (strength < STRONG_ENOUGH_SCORE) return 'tooWeak';
  return passphrase === confirmation ? null : 'mismatch';
}

/**
 * The state with its passphrase judged, waiting for the estimator if it has not loaded yet (a user who types fast
 * and submits at once): call before passphraseProblem() on submit. An estimator that cannot load leaves it unjudged.
 */
export async function judgePassphrase(state: PassphraseState): Promise<PassphraseState> {
  if (!state.enabled || state.strength !== null) return state;
  try {
    const estimate = await loadStrengthEstimator();
    return { ...state, strength: estimate(state.passphrase) };
  } catch {
    return state;
  }
}

/** The passphrase to encrypt with, or undefined for a plain file (call only once passphraseProblem() is null). */
export const chosenPassphrase = (state: PassphraseState) => (state.enabled ? state.passphrase : undefined);

export function PassphraseFields({
  value,
  onChange,
  showErrors,
}: {
  value: PassphraseState;
  onChange: (value: PassphraseState) => void;
  showErrors: boolean;
}) {
  const { t } = useTranslation('exchange');
  const id = useId();
  const problem = showErrors ? passphraseProblem(value) : null;
  const min = PASSPHRASE_MIN_LENGTH;
  const [estimate, setEstimate] = useState<StrengthEstimator | null>(null);
  const [estimatorFailed, setEstimatorFailed] = useState(false);
  // Loaded as soon as the box is ticked; what was typed before it arrived is judged on submit (judgePassphrase).
  useEffect(() => {
    if (!value.enabled || estimate) return;
    let cancelled = false;
    loadStrengthEstimator().then(
      (loaded) => {
        if (!cancelled) setEstimate(() => loaded);
      },
      () => {
        if (!cancelled) setEstimatorFailed(true);
      },
    );
    return () => {
      cancelled = true;
    };
  }, [value.enabled, estimate]);
  const errorOf = (which: PassphraseProblem | null) => {
    if (which === 'tooShort') return t('passphrase.tooShort', { min });
    if (which === 'tooWeak') return t('passphrase.tooWeak');
    if (which === 'judging') return t(estimatorFailed ? 'passphrase.judgeFailed' : 'passphrase.judging');
    return undefined;
  };
  return (
    <div className="passphrase">
      <div className="checkbox-field">
        <input
          id={`${id}-protect`}
          type="checkbox"
          checked={value.enabled}
          aria-describedby={`${id}-protect-hint`}
          onChange={(e) => onChange({ ...value, enabled: e.target.checked })}
        />
        <label htmlFor={`${id}-protect`}>{t('passphrase.protect')}</label>
        <p id={`${id}-protect-hint`} className="field__hint">
          {t('passphrase.protectHint')}
        </p>
      </div>
      {value.enabled && (
        <>
          <TextField
            type="password"
            label={t('passphrase.label')}
            hint={t('passphrase.hint', { min })}
            autoComplete="new-password"
            value={value.passphrase}
            error={errorOf(problem)}
            onChange={(e) => onChange({ ...value, passphrase: e.target.value, strength: estimate ? estimate(e.target.value) : null })}
          />
          <TextField
            type="password"
            label={t('passphrase.confirmation')}
            autoComplete="new-password"
            value={value.confirmation}
            error={problem === 'mismatch' ? t('passphrase.mismatch') : undefined}
            onChange={(e) => onChange({ ...value, confirmation: e.target.value })}
          />
          <p className="callout callout--info">{t('passphrase.warning')}</p>
        </>
      )}
    </div>
  );
}

/**
 * Asking for the passphrase of an encrypted file being imported. `cancel` is the way out (another file, or none):
 * without it a wrong passphrase would leave the user nowhere to go but to try again. `retry` puts the focus back
 * in the field after a passphrase failed (the button that had it is gone).
 */
export function PassphrasePrompt({
  onSubmit,
  busy,
  cancel,
  retry = false,
}: {
  onSubmit: (passphrase: string) => void;
  busy: boolean;
  cancel?: { label: string; onCancel: () => void } | undefined;
  retry?: boolean;
}) {
  const { t } = useTranslation('exchange');
  const id = useId();
  return (
    <form
      className="callout form"
      aria-labelledby={`${id}-title`}
      onSubmit={(e) => {
        e.preventDefault();
        const field = new FormData(e.currentTarget).get('passphrase');
        if (typeof field === 'string' && field !== '') onSubmit(field);
      }}
    >
      <h2 id={`${id}-title`}>{t('passphrase.askTitle')}</h2>
      <TextField type="password" name="passphrase" label={t('passphrase.ask')} autoComplete="off" required autoFocus={retry} />
      <p className="card__actions">
        <button type="submit" className="button button--primary" disabled={busy}>
          {t('passphrase.open')}
        </button>
        {cancel && (
          <button type="button" className="button button--quiet" onClick={cancel.onCancel}>
            {cancel.label}
          </button>
        )}
      </p>
    </form>
  );
}

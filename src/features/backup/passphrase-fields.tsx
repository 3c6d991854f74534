/** The optional passphrase of an export: a checkbox, the passphrase twice, and the warning that it cannot be recovered. */
import { useId } from 'react';
import { useTranslation } from 'react-i18next';
import { TextField } from '../../components/field';

export const PASSPHRASE_MIN_LENGTH = 10;

export interface PassphraseState {
  enabled: boolean;
  passphrase: string;
  confirmation: string;
}

export const NO_PASSPHRASE: PassphraseState = { enabled: false, passphrase: '', confirmation: '' };

export type PassphraseProblem = 'tooShort' | 'mismatch';

export function passphraseProblem({ enabled, passphrase, confirmation }: PassphraseState): PassphraseProblem | null {
  if (!enabled) return null;
  if ([...passphrase].length < PASSPHRASE_MIN_LENGTH) return 'tooShort';
  return passphrase === confirmation ? null : 'mismatch';
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
            error={problem === 'tooShort' ? t('passphrase.tooShort', { min }) : undefined}
            onChange={(e) => onChange({ ...value, passphrase: e.target.value })}
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

/**
 * "A new version is ready": shown on every page once a new version of the app is installed, it reloads only when
 * the user asks. The sentence is in a polite live region (read out without taking the focus), present and empty
 * on every page so that screen readers already listen to it; the buttons come after it.
 */
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { reloadToNewVersion, useUpdateState } from './service-worker';
import './update-prompt.css';

export function UpdatePrompt() {
  const { t } = useTranslation();
  const shown = useUpdateState((s) => s.ready && !s.dismissed);
  const [reloading, setReloading] = useState(false);
  return (
    // The live region stays in the page (empty) so that screen readers are listening when the sentence appears.
    <div className={shown ? 'update-prompt update-prompt--shown' : 'update-prompt'}>
      <p aria-live="polite" className="update-prompt__message">
        {shown ? t('update.ready') : ''}
      </p>
      {shown && (
        <p className="update-prompt__actions">
          <button
            type="button"
            className="button button--primary"
            disabled={reloading}
            onClick={() => {
              setReloading(true);
              void reloadToNewVersion();
            }}
          >
            {t('update.reload')}
          </button>
          <button type="button" className="button button--quiet" onClick={() => useUpdateState.setState({ dismissed: true })}>
            {t('update.later')}
          </button>
        </p>
      )}
    </div>
  );
}

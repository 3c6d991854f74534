/**
 * The export and backup forms: an optional passphrase, judged when the form is sent, then the file(s) made with it
 * and handed to the download; the passphrase is forgotten once they are.
 */
import { useState, type FormEvent } from 'react';
import { useDownload, type Made } from '../../components/download-button';
import { chosenPassphrase, judgePassphrase, NO_PASSPHRASE, passphraseProblem } from './passphrase-fields';

/** `ready`: whether the rest of the form allows a file (something chosen); its own message shows once sent. */
export function usePassphraseDownload<Refusal>(make: (passphrase: string | undefined) => Promise<Made<Refusal>>, ready = true) {
  const [passphrase, setPassphrase] = useState(NO_PASSPHRASE);
  const [submitted, setSubmitted] = useState(false);
  const download = useDownload(() => make(chosenPassphrase(passphrase)));

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    setSubmitted(true);
    download.reset();
    const judged = await judgePassphrase(passphrase);
    setPassphrase(judged);
    if (!ready || passphraseProblem(judged)) return;
    const end = await download.start();
    if (end.status === 'done') {
      // The passphrase lives only as long as the form needs it.
      setPassphrase(NO_PASSPHRASE);
      setSubmitted(false);
    }
  };

  return { passphrase, setPassphrase, submitted, state: download.state, submit };
}

/**
 * How hard a passphrase is to guess, judged by zxcvbn-ts (a maintained port of Dropbox's zxcvbn) with its French
 * and common dictionaries and keyboard layouts: "aaaaaaaaaa", "1234567890" or "azertyuiop" have ten characters
 * and are guessed at once. About 1 MB of dictionaries: loaded with import() the first time the user asks for a
 * passphrase, in a chunk of its own, never with the page.
 */

/** zxcvbn's score, 0 (guessed at once) to 4 (very hard): below 3, the passphrase is refused. */
export const STRONG_ENOUGH_SCORE = 3;

/** Only the first characters are judged: the estimate grows costly with length, and a long phrase is not weak. */
const JUDGED_CHARACTERS = 64;

export type StrengthEstimator = (passphrase: string) => number;

let loading: Promise<StrengthEstimator> | undefined;

export function loadStrengthEstimator(): Promise<StrengthEstimator> {
  loading ??= Promise.all([import('@zxcvbn-ts/core'), import('@zxcvbn-ts/language-common'), import('@zxcvbn-ts/language-fr')]).then(
    ([core, common, fr]) => {
      // Its own feedback sentences are not used: the app's messages live in the locales.
      const factory = new core.ZxcvbnFactory({ dictionary: { ...common.dictionary, ...fr.dictionary }, graphs: common.adjacencyGraphs });
      return (passphrase) => factory.check([...passphrase].slice(0, JUDGED_CHARACTERS).join('')).score;
    },
  );
  loading.catch(() => {
    loading = undefined;
  });
  return loading;
}

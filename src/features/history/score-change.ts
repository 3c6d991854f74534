/** A score change in words, from the rounded scores shown beside it so that the columns always add up. */
import type { TFunction } from 'i18next';

export type ChangeDirection = 'up' | 'down' | 'same' | 'none';

export function scoreChange(from: number | null, to: number | null, t: TFunction): { direction: ChangeDirection; text: string } {
  if (from === null || to === null) return { direction: 'none', text: t('history:change.none') };
  const points = Math.round(to) - Math.round(from);
  if (points > 0) return { direction: 'up', text: t('history:change.up', { count: points }) };
  if (points < 0) return { direction: 'down', text: t('history:change.down', { count: -points }) };
  return { direction: 'same', text: t('history:change.same') };
}

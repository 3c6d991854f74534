/**
 * Shared gaps: for each catalogue action, how many communes need it (from each commune's latest audit), with
 * the pooled answer an EPCI can offer; and for each pooled answer, how many communes it would serve.
 */
import type { PooledOffer } from '../actions/schema';
import type { EpciRow } from './epci-row';

/** What the ranking needs of the catalogue, in catalogue order. */
export interface GapAction {
  id: string;
  themeId: string;
  pooledOffer?: PooledOffer | undefined;
}

export interface SharedGap {
  actionId: string;
  themeId: string;
  pooledOffer: PooledOffer | null;
  /** Communes whose latest audit calls for the action. */
  communes: number;
  /** Their share of the communes with an audit (0–1). */
  share: number;
}

export interface PooledNeed {
  offer: PooledOffer;
  /** Communes needing at least one action this offer answers (each counted once). */
  communes: number;
  share: number;
  /** The actions it answers that some commune needs, most needed first. */
  actionIds: string[];
}

export interface SharedGaps {
  audited: number;
  actions: SharedGap[];
  offers: PooledNeed[];
}

/**
 * Ranked by communes concerned; among equals, an action with a pooled answer first (it is what the EPCI can
 * do something about), then the catalogue order.
 */
export function sharedGaps(rows: readonly EpciRow[], catalogue: readonly GapAction[]): SharedGaps {
  const audited = rows.length;
  const counts = new Map<string, number>();
  for (const row of rows) {
    for (const actionId of row.summary.actionIds) counts.set(actionId, (counts.get(actionId) ?? 0) + 1);
  }
  const order = new Map(catalogue.map((a, index) => [a.id, index]));
  const actions: SharedGap[] = catalogue
    .filter((a) => (counts.get(a.id) ?? 0) > 0)
    .map((a) => {
      const communes = counts.get(a.id) ?? 0;
      return { actionId: a.id, themeId: a.themeId, pooledOffer: a.pooledOffer ?? null, communes, share: communes / audited };
    })
    .sort(
      (a, b) =>
        b.communes - a.communes ||
        Number(b.pooledOffer !== null) - Number(a.pooledOffer !== null) ||
        (order.get(a.actionId) ?? 0) - (order.get(b.actionId) ?? 0),
    );

  const offerOf = new Map<string, PooledOffer>();
  for (const action of catalogue) if (action.pooledOffer) offerOf.set(action.id, action.pooledOffer);
  const offerCommunes = new Map<PooledOffer, number>();
  for (const row of rows) {
    const offers = new Set<PooledOffer>();
    for (const actionId of row.summary.actionIds) {
      const offer = offerOf.get(actionId);
      if (offer) offers.add(offer);
    }
    for (const offer of offers) offerCommunes.set(offer, (offerCommunes.get(offer) ?? 0) + 1);
  }
  const offers: PooledNeed[] = [...offerCommunes]
    .map(([offer, communes]) => ({
      offer,
      communes,
      share: communes / audited,
      actionIds: actions.filter((a) => a.pooledOffer === offer).map((a) => a.actionId),
    }))
    .sort((a, b) => b.communes - a.communes || a.offer.localeCompare(b.offer));
  return { audited, actions, offers };
}

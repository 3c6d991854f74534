/** The commune, its profile and the answers of an audit: the shapes the domain works on. */

/** What an audit needs to know of the commune to decide which questions apply. */
export interface CommuneProfile {
  population: number;
  agents: number;
  computers: number;
  /** IT is looked after by an outside provider (prestataire) or an OPSN. */
  itProvider: boolean;
  /** The mairie has a server of its own (file server, NAS, application server) on site. */
  hasServer: boolean;
}

export type Answer = { kind: 'option'; optionId: string } | { kind: 'dontKnow' };

/** Answers keyed by question id. A question absent from the map is not answered yet. */
export type Answers = Readonly<Record<string, Answer | undefined>>;

/** The limits a profile is validated against (shared by the form and the import pipeline). */
export const PROFILE_LIMITS = {
  population: { min: 0, max: 3_000_000 },
  agents: { min: 0, max: 100_000 },
  computers: { min: 0, max: 100_000 },
} as const;

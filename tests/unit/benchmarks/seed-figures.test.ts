/**
 * Every figure quoted in the seed articles (../shared/reference/seeds/) is in the shipped dataset, with its value
 * and its source. The list below was made by reading each article; it is checked value by value.
 * Left out on purpose: the regional response bins of the barometer's map (0–200, 200–400, 400–600 answers), which
 * are a map legend, and the 3-2-1 rule (3 copies, 2 media, 1 off site), which is advice, not a measured figure.
 */
import { describe, expect, it } from 'vitest';
import { loadBundledBenchmarks } from '../../../src/content/load-benchmarks';
import type { BenchmarkIndicator, Qualifier } from '../../../src/domain/benchmarks/schema';

type Kind = BenchmarkIndicator['kind'];
interface SeedFigure {
  id: string;
  kind: Kind;
  value: number;
  qualifier?: Qualifier;
}

const share = (id: string, value: number, qualifier?: Qualifier): SeedFigure => ({ id, kind: 'share', value, qualifier });
const count = (id: string, value: number, qualifier?: Qualifier): SeedFigure => ({ id, kind: 'count', value, qualifier });

/** Each seed, the words its source is named by in the dataset, and the figures it quotes. */
const SEEDS: { file: string; source: string[]; figures: SeedFigure[] }[] = [
  {
    file: '000 — JVS-Mairistem, Baromètre du Numérique 2021 (its own page)',
    source: ['JVS-Mairistem', 'Baromètre du Numérique 2021'],
    figures: [
      count('jvs-2021-respondents', 650, 'more-than'),
      share('jvs-2021-telework-after-lockdown-2020', 0.38),
      share('jvs-2021-telework', 0.15),
      share('jvs-2021-attacked', 0.2, 'nearly'),
    ],
  },
  {
    file: '001 — Décideur public, December 2021, on the same barometer',
    source: ['Décideur public'],
    figures: [
      share('decideur-2021-people-in-small-communes', 0.5, 'about'),
      count('decideur-2021-communes-total', 36000, 'about'),
      count('decideur-2021-communes-under-10000', 9025),
      count('jvs-2021-respondents', 650, 'more-than'),
      share('jvs-2021-telework-peak', 0.36),
      share('jvs-2021-telework', 0.15),
      share('jvs-2021-crisis-accelerator', 0.4),
      share('jvs-2021-website', 0.76),
      share('jvs-2021-attacked', 0.2, 'nearly'),
      share('jvs-2021-helpless', 0.54),
      share('jvs-2021-lacking-skills', 0.5, 'more-than'),
      share('jvs-2021-antiransomware', 0.28),
      share('jvs-2021-new-services', 0.45),
      share('jvs-2021-dematerialisation-plans', 0.33),
      share('jvs-2021-equipment-plans', 0.22),
    ],
  },
  {
    file: "002 — Paroles d'élus on the Baromètre Numérique & Collectivités, first results",
    source: ['DINUM et réseau Déclic', "Paroles d'élus", 'Baromètre Numérique & Collectivités'],
    figures: [
      count('bnc-2025-v1-responses-after-4-months', 2500, 'more-than'),
      count('bnc-2025-v1-responses', 2729),
      share('bnc-2025-v1-respondents-communes', 0.88),
      share('bnc-2025-v1-respondents-agents', 0.76),
      share('bnc-2025-v1-respondents-elected', 0.24),
      share('bnc-2025-v1-mediation-places', 0.26),
      share('bnc-2025-v1-mediation-actions', 0.28),
      share('bnc-2025-v1-mediation-place-social-centres', 0.1),
      share('bnc-2025-v1-mediation-place-public-digital-spaces', 0.11),
      share('bnc-2025-v1-mediation-place-private-structures', 0.09),
      share('bnc-2025-v1-mediation-place-france-services', 0.22),
      share('bnc-2025-v1-mediation-place-libraries', 0.19),
      share('bnc-2025-v1-conseiller-numerique', 0.26),
      share('bnc-2025-v1-inclusion-skills', 0.77),
      share('bnc-2025-v1-inclusion-procedures', 0.77),
      share('bnc-2025-v1-inclusion-internet-access', 0.62),
      share('bnc-2025-v1-attacked-3y', 0.08),
      share('bnc-2025-v1-incidents-website', 0.23),
      share('bnc-2025-v1-incidents-ransomware', 0.4),
      share('bnc-2025-v1-no-pca-nor-pra', 0.76),
      share('bnc-2025-v1-no-rssi', 0.64),
      share('bnc-2025-v1-trained-elected', 0.22),
      share('bnc-2025-v1-trained-agents', 0.46),
      share('bnc-2025-v1-website', 0.76),
      share('bnc-2025-v1-paper-journal', 0.85),
      share('bnc-2025-v1-social-networks', 0.76),
      share('bnc-2025-v1-meetings-online', 0.03),
      share('bnc-2025-v1-participation-tool', 0.05),
      share('bnc-2025-v1-rgaa-audit', 0.18),
      share('bnc-2025-v1-rgaa-in-progress', 0.19),
      share('bnc-2025-v1-rgaa-not-started', 0.61),
    ],
  },
  {
    file: '003 — JVS-Mairistem, Baromètre de la dématérialisation 2016',
    source: ['Baromètre de la dématérialisation 2016', 'Des petites communes de plus en plus séduites par le numérique'],
    figures: [
      share('ipsos-2016-citizens-online', 0.88),
      share('jvs-2016-opportunity-2015', 0.33),
      share('jvs-2016-opportunity', 0.48),
      share('jvs-2016-e-signature', 0.49),
      share('jvs-2016-e-payslips', 0.47),
      share('jvs-2016-legality-control', 0.38),
      share('jvs-2016-teletransmission-operator', 0.21),
      share('jvs-2016-pes-retour', 0.2),
      share('jvs-2016-sdrfi-comedec-known', 0.13),
      share('jvs-2016-full-paperless', 0.68),
      share('jvs-2016-e-signature-book', 0.21),
      share('jvs-2016-e-convocation', 0.14),
      share('jvs-2016-ged', 0.08),
      share('jvs-2016-lack-training', 0.39),
      share('jvs-2016-lack-time', 0.34),
      share('jvs-2016-lack-skills', 0.21),
      share('jvs-2016-material-constraints', 0.34),
      count('jvs-2016-no-broadband-under-1000', 9000, 'about'),
      share('jvs-2016-elected-smartphone', 0.59, 'nearly'),
      share('jvs-2016-elected-smartphone-growth', 0.12),
      share('jvs-2016-cloud-unknown', 0.61),
      share('jvs-2016-cloud-distrust', 0.2),
      share('jvs-2016-manual-backup', 0.57),
      share('jvs-2016-offsite-backup', 0.21),
    ],
  },
  {
    file: '004 — Villes de France and Villes Internet survey, June 2021',
    source: ['Villes de France et Villes Internet', 'Le boom du télétravail'],
    figures: [
      count('vdf-2021-contributions', 97),
      count('vdf-2021-towns', 31),
      { id: 'vdf-2021-anssi-emergency-x4', kind: 'ratio', value: 4 },
    ],
  },
];

/** Every name the dataset gives the figure's source: publisher, document, and the articles that relayed it. */
function sourceWords(indicator: BenchmarkIndicator): string {
  const relays = (indicator.reportedIn ?? []).flatMap((r) => [r.publisher.fr, r.title.fr]);
  return [indicator.publisher.fr, indicator.documentTitle.fr, ...relays].join(' | ');
}

describe('the figures of the seed articles', async () => {
  const dataset = await loadBundledBenchmarks();
  const byId = new Map(dataset.indicators.map((i) => [i.id, i]));

  describe.each(SEEDS)('$file', ({ source, figures }) => {
    it.each(figures)('$id = $value ($kind)', (figure) => {
      const indicator = byId.get(figure.id);
      expect(indicator, `${figure.id} is missing`).toBeDefined();
      if (!indicator) return;
      expect(indicator.kind).toBe(figure.kind);
      expect(indicator.value).toBe(figure.value);
      expect(indicator.qualifier).toBe(figure.qualifier);
      expect(source.some((words) => sourceWords(indicator).includes(words))).toBe(true);
      expect(indicator.year).toBeGreaterThanOrEqual(2015);
    });
  });

  it('keeps the first-results figures of the 2025 barometer labelled with their wave and sample', () => {
    for (const id of ['bnc-2025-v1-no-pca-nor-pra', 'bnc-2025-v1-no-rssi', 'bnc-2025-v1-trained-agents']) {
      expect(byId.get(id)).toMatchObject({ wave: { id: 'first-results', label: { fr: 'premiers résultats' } }, sampleSize: 2729 });
    }
  });

  it('names the JVS-Mairistem editions and the 2016 stratum of mairies under 1,000 inhabitants', () => {
    expect(byId.get('jvs-2021-telework')?.wave?.label.fr).toBe('8e édition');
    expect(byId.get('jvs-2016-manual-backup')?.stratum).toMatchObject({ maxPopulation: 999 });
    // "+15 points" between 2015 and 2016 is the difference of the two stored figures.
    expect((byId.get('jvs-2016-opportunity')?.value ?? 0) - (byId.get('jvs-2016-opportunity-2015')?.value ?? 0)).toBeCloseTo(0.15);
  });
});

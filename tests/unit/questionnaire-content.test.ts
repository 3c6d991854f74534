/**
 * Checks the shipped questionnaire content (questionnaires/manifest.json, themes/*.json, actions/*.json):
 * it parses as version 2, it is deep enough where it must be, the vital controls are named, critical and never
 * sized away, every help cites its source, "sans objet" is never scored, answers carried from version 1 point at
 * options that exist on both sides, every action a question names exists and is used, every text is written in
 * both languages, and the barometer links on the key questions are the expected ones.
 */
import { describe, expect, it } from 'vitest';
import { actionFileSchema, type ActionFile } from '../../src/domain/actions/schema';
import { parseQuestionnaire, QuestionnaireError } from '../../src/domain/questionnaire/parse-questionnaire';
import { optionScore, type Question, type Questionnaire } from '../../src/domain/questionnaire/schema';
import { LINKED_INDICATOR_IDS } from './linked-indicator-ids';

const manifestFile = import.meta.glob<unknown>('../../questionnaires/manifest.json', { eager: true, import: 'default' });
const themeFiles = import.meta.glob<unknown>('../../questionnaires/themes/*.json', { eager: true, import: 'default' });
const v1ManifestFile = import.meta.glob<unknown>('../../questionnaires/archive/v1/manifest.json', { eager: true, import: 'default' });
const v1ThemeFiles = import.meta.glob<unknown>('../../questionnaires/archive/v1/themes/*.json', { eager: true, import: 'default' });
const actionFiles = import.meta.glob<unknown>('../../questionnaires/actions/*.json', { eager: true, import: 'default' });

function byFileName(files: Record<string, unknown>): Record<string, unknown> {
  return Object.fromEntries(
    Object.entries(files).map(([path, data]) => [path.slice(path.lastIndexOf('/') + 1, -'.json'.length), data]),
  );
}

const rawManifest = Object.values(manifestFile)[0];
const rawThemes = byFileName(themeFiles);
const rawActions = byFileName(actionFiles);

const THEME_ORDER = [
  'backup',
  'antivirus',
  'continuity',
  'governance',
  'updates',
  'accounts',
  'awareness',
  'email',
  'providers',
  'network',
  'incident',
  'gdpr',
];

const MIN_QUESTIONS: Record<string, number> = {
  backup: 8,
  antivirus: 5,
  continuity: 6,
  governance: 6,
  updates: 4,
  accounts: 6,
  awareness: 4,
  email: 5,
  providers: 4,
  network: 6,
  incident: 3,
  gdpr: 5,
};

/** The vital controls issue 13 names, at least: the level follows the weakest of them. */
const VITAL_CONTROLS = [
  'backup-automatic', // backups that run by themselves
  'backup-offline-immutable', // a copy offline or immutable
  'backup-restore-tested', // a restore tested within the year
  'accounts-mfa-email', // double authentication on the e-mail
  'network-remote-access-mfa', // double authentication on remote access
  'updates-unsupported', // no unsupported system in use
  'antivirus-active', // an active anti-malware with its ransomware protection
];

/** A link to any id but those would never show. */
const KNOWN_INDICATORS = new Set(LINKED_INDICATOR_IDS);

const questionnaire: Questionnaire = parseQuestionnaire({ manifest: rawManifest, themes: rawThemes });
const v1: Questionnaire = parseQuestionnaire({
  manifest: Object.values(v1ManifestFile)[0],
  themes: byFileName(v1ThemeFiles),
});
const v1Questions = new Map(v1.themes.flatMap((theme) => theme.questions).map((question) => [question.id, question]));
const questions: Question[] = questionnaire.themes.flatMap((theme) => theme.questions);
const actionCatalogue: ActionFile[] = Object.entries(rawActions).map(([fileName, raw]) => {
  const parsed = actionFileSchema.parse(raw);
  if (parsed.themeId !== fileName) throw new Error(`actions/${fileName}.json: themeId "${parsed.themeId}" differs from its file name`);
  return parsed;
});
const actionIds = actionCatalogue.flatMap((file) => file.actions.map((action) => action.id));

interface LocalizedText {
  where: string;
  fr: string;
  en: string;
}

/** Every { fr, en } pair found anywhere in a value, with the path that leads to it. */
function localizedTexts(value: unknown, where: string): LocalizedText[] {
  if (Array.isArray(value)) return value.flatMap((item, index) => localizedTexts(item, `${where}[${index}]`));
  if (typeof value !== 'object' || value === null) return [];
  const keys = Object.keys(value);
  if (keys.length === 2 && 'fr' in value && 'en' in value) {
    return [{ where, fr: String(value.fr), en: String(value.en) }];
  }
  return Object.entries(value).flatMap(([key, child]) => localizedTexts(child, `${where}.${key}`));
}

function questionById(id: string): Question {
  const question = questions.find((q) => q.id === id);
  if (!question) throw new Error(`question ${id} not found`);
  return question;
}

function linkOf(question: Question, indicator: string) {
  return question.indicators.find((link) => link.indicator === indicator);
}

describe('the shipped questionnaire', () => {
  it('parses as version 2, with the twelve themes of version 1 in the agreed order and a theme file for each', () => {
    expect(questionnaire.version).toBe(2);
    expect(v1.version).toBe(1);
    expect(questionnaire.themes.map((theme) => theme.id)).toEqual(THEME_ORDER);
    expect(v1.themes.map((theme) => theme.id)).toEqual(THEME_ORDER);
    expect(Object.keys(rawThemes).sort()).toEqual([...THEME_ORDER].sort());
  });

  it('has enough questions in all and in every theme', () => {
    expect(questions.length).toBeGreaterThanOrEqual(60);
    for (const theme of questionnaire.themes) {
      expect(theme.questions.length, theme.id).toBeGreaterThanOrEqual(MIN_QUESTIONS[theme.id] ?? 4);
    }
  });

  it('offers 3 or 4 options per question, scored 1, 0.5 or 0, from best practice to gap, and no "je ne sais pas"', () => {
    for (const question of questions) {
      expect(question.options.length, question.id).toBeGreaterThanOrEqual(3);
      expect(question.options.length, question.id).toBeLessThanOrEqual(4);
      const scores = question.options.flatMap((option) => optionScore(option) ?? []);
      for (const score of scores) expect([0, 0.5, 1], question.id).toContain(score);
      expect(scores, question.id).toContain(1);
      expect(Math.min(...scores), question.id).toBeLessThan(1);
      for (const option of question.options) {
        expect(option.label.fr, question.id).not.toMatch(/je ne sais pas/i);
        expect(option.label.en, question.id).not.toMatch(/don.t know/i);
      }
    }
  });

  it('asks every commune at least one question in every theme (the providers theme when it has a provider)', () => {
    for (const theme of questionnaire.themes) {
      const universal = theme.questions.filter((q) =>
        (q.notApplicableIf ?? []).every((condition) => 'field' in condition && condition.field === 'itProvider'),
      );
      expect(universal.length, theme.id).toBeGreaterThanOrEqual(1);
    }
  });

  it('names at least the seven vital controls; every vital control is critical and never sized away', () => {
    const vital = questions.filter((question) => question.vital === true);
    expect(vital.map((question) => question.id)).toEqual(expect.arrayContaining(VITAL_CONTROLS));
    for (const question of vital) {
      expect(question.criticality, question.id).toBe('critical');
      expect(question.notApplicableIf ?? [], question.id).toEqual([]);
      // Hidden behind a gate only if the gate's "missing" answers make it an implied gap.
      if (question.showIf) expect(question.showIf.absentIf?.length, question.id).toBeGreaterThan(0);
    }
  });

  it('leaves no half answer on the offline copy, where the guidance has none', () => {
    const offline = questionById('backup-offline-immutable');
    expect(offline.options.map((option) => optionScore(option))).not.toContain(0.5);
  });

  it('counts the follow-ups of a missing backup or plan as gaps (absentIf), never as nothing', () => {
    for (const id of ['backup-copies', 'backup-copy-offsite', 'backup-offline-immutable', 'backup-restore-tested']) {
      expect(questionById(id).showIf, id).toEqual({ question: 'backup-automatic', anyOf: ['automatic-all', 'automatic-partial', 'manual'], absentIf: ['none'] });
    }
    expect(questionById('continuity-plan-current').showIf?.absentIf).toEqual(['neither']);
    expect(questionById('continuity-restore-time').showIf?.absentIf).toEqual(['neither']);
    for (const question of questions) {
      const condition = question.showIf;
      if (!condition?.absentIf) continue;
      const parent = questionById(condition.question);
      for (const id of condition.absentIf) {
        expect(parent.options.map((option) => option.id), `${question.id} absentIf ${id}`).toContain(id);
        expect(condition.anyOf, `${question.id} absentIf ${id}`).not.toContain(id);
      }
    }
  });

  it('never scores a "sans objet" answer, and words every one of them so', () => {
    const sansObjet = questions.flatMap((question) => question.options.map((option) => ({ question, option })));
    for (const { question, option } of sansObjet) {
      const where = `${question.id}/${option.id}`;
      if (optionScore(option) === null) {
        expect(option.label.fr, where).toMatch(/^Sans objet/);
        expect(option.label.en, where).toMatch(/^Not relevant/);
      } else {
        expect(option.label.fr, where).not.toMatch(/sans objet/i);
      }
    }
    for (const [id, optionId] of [
      ['backup-saas', 'no-online-software'],
      ['backup-online-mail', 'local-only'],
      ['network-guest-wifi', 'no-public-wifi'],
      ['network-other-devices-separated', 'no-other-devices'],
    ] as const) {
      const option = questionById(id).options.find((o) => o.id === optionId);
      expect(option && optionScore(option), `${id}/${optionId}`).toBeNull();
    }
  });

  it('cites a source in every help text, in both languages', () => {
    for (const question of questions) {
      expect(question.help.fr, question.id).toMatch(/Source ?:/);
      expect(question.help.en, question.id).toMatch(/Source:/);
    }
  });

  it('explains every technical term (PCA, PRA, RSSI, EDR, 3-2-1-1-0, VPN, NAS, DPO) in a help text', () => {
    const helps = questions.map((question) => question.help.fr).join(' ');
    for (const [term, explanation] of [
      ['PCA', /PCA \(plan de continuité d'activité\)/],
      ['PRA', /PRA \(plan de reprise d'activité\)/],
      ['RSSI', /RSSI \(responsable de la sécurité des systèmes d'information\)/],
      ['EDR', /EDR \(« détection et réponse »/],
      ['3-2-1-1-0', /3 exemplaires des données/],
      ['VPN', /VPN \(/],
      ['NAS', /NAS \(/],
      ['DPO', /DPO \(/],
    ] as const) {
      expect(helps, term).toMatch(explanation);
    }
  });

  it('carries version 1 answers only where the meaning held: kept ids keep their options, replaces point at real options', () => {
    const v2Ids = new Set(questions.map((question) => question.id));
    for (const question of questions) {
      const kept = v1Questions.get(question.id);
      if (kept) {
        expect(question.replaces, question.id).toBeUndefined();
        const v2Options = question.options.map((option) => option.id);
        expect(v2Options, question.id).toEqual(expect.arrayContaining(kept.options.map((option) => option.id)));
      }
      if (!question.replaces) continue;
      const source = v1Questions.get(question.replaces.question);
      expect(source, `${question.id} replaces ${question.replaces.question}`).toBeDefined();
      // A replaced question is gone from version 2: its id is never reused with another meaning.
      expect(v2Ids.has(question.replaces.question), question.id).toBe(false);
      for (const [from, to] of Object.entries(question.replaces.options)) {
        expect(source?.options.map((option) => option.id), `${question.id}: v1 option ${from}`).toContain(from);
        expect(question.options.map((option) => option.id), `${question.id}: v2 option ${to}`).toContain(to);
      }
    }
  });

  it('links only to known barometer indicators', () => {
    for (const question of questions) {
      for (const link of question.indicators) {
        expect(KNOWN_INDICATORS.has(link.indicator), `${question.id} → ${link.indicator}`).toBe(true);
        const overlap = link.inGroup.filter((id) => link.outOfGroup.includes(id));
        expect(overlap, `${question.id} → ${link.indicator}`).toEqual([]);
      }
    }
  });

  it('opens the continuity theme with the written-plan question, mapped onto the latest PCA figure only', () => {
    const first = questionnaire.themes.find((theme) => theme.id === 'continuity')?.questions[0];
    expect(first?.id).toBe('continuity-plan');
    if (!first) return;
    expect(first.options.map((option) => option.id)).toEqual(['both-written', 'one-of-two', 'neither']);
    // One reference per topic: the consolidated results; the first results are said under « À savoir ».
    // "Only one of the two" could be a PRA alone: it says nothing about the "no PCA" figure.
    expect(first.indicators).toEqual([{ indicator: 'bnc-2025-c-no-pca', inGroup: ['neither'], outOfGroup: ['both-written'] }]);
  });

  it('maps the RSSI, training and awareness questions onto their barometers, one figure each', () => {
    const rssi = questionById('governance-rssi');
    expect(rssi.indicators).toEqual([{ indicator: 'bnc-2025-c-no-rssi', inGroup: ['nobody'], outOfGroup: ['internal-named', 'shared-rssi'] }]);
    expect(questionById('awareness-agents').indicators).toEqual([{ indicator: 'bnc-2025-c-trained-agents', inGroup: ['all', 'some'], outOfGroup: ['none'] }]);
    expect(questionById('awareness-elected').indicators).toEqual([{ indicator: 'bnc-2025-c-trained-elected', inGroup: ['most', 'few'], outOfGroup: ['none'] }]);
    expect(linkOf(questionById('awareness-regular'), 'bnc-2025-c-no-awareness')?.inGroup).toEqual(['never']);
  });
});

describe('the action catalogue', () => {
  it('has one action file per theme, each valid', () => {
    expect(actionCatalogue.map((file) => file.themeId).sort()).toEqual([...THEME_ORDER].sort());
    for (const file of actionCatalogue) expect(file.actions.length, file.themeId).toBeGreaterThanOrEqual(1);
  });

  it('uses unique action ids, each prefixed by its theme id', () => {
    expect(new Set(actionIds).size).toBe(actionIds.length);
    for (const file of actionCatalogue) {
      for (const action of file.actions) expect(action.id.startsWith(`${file.themeId}-`), action.id).toBe(true);
    }
  });

  it('holds every action a question names, and every action is named by at least one question', () => {
    const known = new Set(actionIds);
    const referenced = new Set(questions.flatMap((question) => question.actions));
    for (const question of questions) {
      for (const id of question.actions) expect(known.has(id), `${question.id} → ${id}`).toBe(true);
    }
    expect(actionIds.filter((id) => !referenced.has(id))).toEqual([]);
  });

  it('gives each action 2 to 5 steps', () => {
    for (const action of actionCatalogue.flatMap((file) => file.actions)) {
      expect(action.steps.length, action.id).toBeGreaterThanOrEqual(2);
      expect(action.steps.length, action.id).toBeLessThanOrEqual(5);
    }
  });
});

describe('the texts', () => {
  const texts = [
    ...Object.entries(rawThemes).flatMap(([id, raw]) => localizedTexts(raw, `themes/${id}.json`)),
    ...Object.entries(rawActions).flatMap(([id, raw]) => localizedTexts(raw, `actions/${id}.json`)),
    ...localizedTexts(rawManifest, 'manifest.json'),
  ];

  it('are found in every file', () => {
    expect(texts.length).toBeGreaterThan(500);
  });

  it('are all written in French and in English, and the English is not a copy of the French', () => {
    for (const text of texts) {
      expect(text.fr.trim(), text.where).not.toBe('');
      expect(text.en.trim(), text.where).not.toBe('');
      expect(text.fr, text.where).not.toBe(text.en);
    }
  });
});

describe('an invalid theme', () => {
  /** A copy of the shipped files in which one backup question has been damaged. */
  function withBrokenBackupQuestion(index: number, damage: (question: Record<string, unknown>) => void) {
    const backup = structuredClone(rawThemes.backup) as { questions: Record<string, unknown>[] };
    const question = backup.questions[index];
    if (!question) throw new Error(`no backup question #${index}`);
    damage(question);
    return { manifest: rawManifest, themes: { ...rawThemes, backup } };
  }

  it('is refused when a question has no English help, naming the file and the question', () => {
    const files = withBrokenBackupQuestion(2, (question) => {
      question.help = { fr: 'Une aide en français seulement.' };
    });
    const id = String((files.themes.backup as { questions: { id: string }[] }).questions[2]?.id);
    expect(() => parseQuestionnaire(files)).toThrow(QuestionnaireError);
    expect(() => parseQuestionnaire(files)).toThrow(`themes/backup.json [question ${id}]`);
    expect(() => parseQuestionnaire(files)).toThrow(/help\.en/);
  });

  it('is refused when a showIf names an option the earlier question does not have', () => {
    const files = withBrokenBackupQuestion(2, (question) => {
      question.showIf = { question: 'backup-automatic', anyOf: ['perhaps'] };
    });
    const id = String((files.themes.backup as { questions: { id: string }[] }).questions[2]?.id);
    expect(() => parseQuestionnaire(files)).toThrow(QuestionnaireError);
    expect(() => parseQuestionnaire(files)).toThrow(
      `themes/backup.json [question ${id}]: showIf refers to unknown option "perhaps"`,
    );
  });
});

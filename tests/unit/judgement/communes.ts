/**
 * Realistic communes worked through the version 2 questionnaire, with the level an adviser would give and why.
 * The README's "Judgement table" section shows the same rows. Answers not written here take the commune's default:
 * `best` (in place) for a commune that is well looked after, `partly` (the half answer, or the gap where a question
 * has no half answer) for one that is half-way there.
 */
import type { CommuneProfile } from '../../../src/domain/audit/types';
import type { MaturityLevel } from '../../../src/domain/scoring/weights';
import type { LevelRule } from '../../../src/domain/scoring/compute-results';
import type { DefaultAnswer, WrittenAnswers } from './answer-as';

export interface CommuneCase {
  id: string;
  name: string;
  profile: CommuneProfile;
  defaults: DefaultAnswer;
  answers: WrittenAnswers;
  level: MaturityLevel;
  /** The rule that sets the level ('score' when the score alone decides). */
  rule: LevelRule;
  /** Controls that must be among those holding the level down. */
  limiting: string[];
  /** The overall score, out of 100, lies in this range. */
  score: readonly [number, number];
  why: string;
}

/** The seven vital controls in place, for communes whose default is the half answer. */
const vitalInPlace: WrittenAnswers = {
  'backup-automatic': 'automatic-all',
  'backup-offline-immutable': 'out-of-reach',
  'backup-restore-tested': 'tested-recent',
  'antivirus-active': 'all-protected',
  'updates-unsupported': 'none',
  'accounts-mfa-email': 'all-mailboxes',
  'network-remote-access-mfa': 'no-remote-access',
};

/** The same answers without the backup follow-ups, which are not asked when there is no backup. */
function withoutBackupFollowUps(answers: WrittenAnswers): WrittenAnswers {
  const hidden = new Set(['backup-offline-immutable', 'backup-restore-tested']);
  return Object.fromEntries(Object.entries(answers).filter(([id]) => !hidden.has(id)));
}

/** The OPSN's cyber pack of a small commune: backup off site and immutable, tested, protection and 2FA managed. */
const opsnPack: WrittenAnswers = {
  ...vitalInPlace,
  'backup-copies': 'three-or-more',
  'backup-copy-offsite': 'external-service',
  'backup-saas': 'in-contract',
  'updates-automatic': 'auto-week',
  'governance-pooling': 'with-cyber',
  'governance-rssi': 'shared-rssi',
};

/** A weak manual backup: a USB disk copied by hand, unplugged and kept in the mairie, never restored. */
const weakManualBackup: WrittenAnswers = {
  'backup-automatic': 'manual',
  'backup-copies': 'two',
  'backup-copy-offsite': 'onsite-only',
  'backup-offline-immutable': 'out-of-reach',
  'backup-restore-tested': 'never',
};

const small = (population: number, computers: number, itProvider: boolean): CommuneProfile => ({
  population,
  agents: 1,
  computers,
  itProvider,
  hasServer: false,
});

export const COMMUNES: CommuneCase[] = [
  {
    id: 'hamlet-usb-key',
    name: 'Les Granges, 150 hab., 1 PC, sans prestataire',
    profile: small(150, 1, false),
    defaults: 'partly',
    answers: {
      ...weakManualBackup,
      'backup-saas': 'assumed',
      'antivirus-active': 'all-classic',
      'updates-unsupported': 'none',
      'accounts-mfa-email': 'none',
      'network-remote-access-mfa': 'no-remote-access',
      'continuity-plan': 'neither',
    },
    level: 'exposed',
    rule: 'critical-gaps',
    limiting: ['backup-restore-tested', 'accounts-mfa-email', 'backup-copy-offsite', 'continuity-plan'],
    score: [40, 55],
    why: 'Une clé USB copiée à la main, rangée dans le bureau et jamais relue, et une messagerie sans double authentification : un incendie, une clé illisible ou un mot de passe volé suffisent à tout perdre.',
  },
  {
    id: 'opsn-pack-no-plan',
    name: 'Saint-Aubin, 250 hab., 1 PC, pack cyber de l’OPSN, pas de plan',
    profile: small(250, 1, true),
    defaults: 'partly',
    answers: { ...opsnPack, 'continuity-plan': 'neither' },
    level: 'fragile',
    rule: 'critical-cap',
    limiting: ['continuity-plan'],
    score: [60, 75],
    why: 'Les sept contrôles vitaux tiennent grâce à l’OPSN, mais rien n’est écrit pour continuer si l’informatique s’arrête : un plan de quelques pages la ferait passer au niveau suivant.',
  },
  {
    id: 'opsn-pack-with-plan',
    name: 'Saint-Aubin, le même avec un plan écrit et une fiche réflexe',
    profile: small(250, 1, true),
    defaults: 'partly',
    answers: {
      ...opsnPack,
      'continuity-plan': 'both-written',
      'continuity-paper-fallback': 'ready-known',
      'incident-response-sheet': 'written-printed',
    },
    level: 'progressing',
    rule: 'score',
    limiting: [],
    score: [65, 80],
    why: 'Contrôles vitaux en place, plan et fiche réflexe prêts ; le reste est à moitié fait (mots de passe, formation, RGPD) : en progrès, pas encore solide.',
  },
  {
    id: 'sans-objet-small',
    name: 'Villiers-le-Sec, 300 hab., 2 PC : ni logiciel en ligne, ni Wi-Fi public, ni site, ni certificat',
    profile: small(300, 2, true),
    defaults: 'partly',
    answers: {
      ...vitalInPlace,
      'backup-copy-offsite': 'external-service',
      'continuity-plan': 'one-of-two',
      'backup-saas': 'no-online-software',
      'network-guest-wifi': 'no-public-wifi',
      'email-website': 'no-website',
      'accounts-signature-certificates': 'no-certificate',
    },
    level: 'progressing',
    rule: 'score',
    limiting: [],
    score: [60, 70],
    why: '« Sans objet » ne rapporte aucun point : ces quatre réponses sortent du calcul au lieu de le gonfler ; la note vient des contrôles vitaux tenus et du reste fait à moitié.',
  },
  {
    id: 'weak-manual-backup',
    name: 'Montrelais, 600 hab., 2 PC : sauvegarde manuelle sur un disque',
    profile: { ...small(600, 2, true), agents: 2 },
    defaults: 'partly',
    answers: { ...vitalInPlace, ...weakManualBackup, 'continuity-plan': 'one-of-two' },
    level: 'exposed',
    rule: 'critical-gaps',
    limiting: ['backup-restore-tested', 'backup-automatic', 'backup-copy-offsite'],
    score: [45, 60],
    why: 'Le disque est débranché, c’est bien ; mais il reste à la mairie, se remplit à la main et n’a jamais été relu : deux failles critiques ouvertes à la fois.',
  },
  {
    id: 'no-backup',
    name: 'Montrelais sans aucune sauvegarde',
    profile: { ...small(600, 2, true), agents: 2 },
    defaults: 'partly',
    answers: { ...withoutBackupFollowUps(vitalInPlace), 'backup-automatic': 'none', 'continuity-plan': 'one-of-two' },
    level: 'exposed',
    rule: 'critical-gaps',
    limiting: ['backup-automatic', 'backup-offline-immutable', 'backup-restore-tested', 'backup-copies', 'backup-copy-offsite'],
    score: [35, 50],
    why: 'Sans sauvegarde, la copie hors ligne, la copie hors site et le test de restauration manquent aussi : ils comptent comme des failles, et la note reste sous celle de la sauvegarde manuelle.',
  },
  {
    id: 'restore-unknown',
    name: 'Chaumont-sur-Lys, 1 200 hab., 4 PC : personne ne sait si une restauration a été testée',
    profile: { population: 1200, agents: 3, computers: 4, itProvider: true, hasServer: false },
    defaults: 'best',
    answers: { 'backup-restore-tested': 'dontKnow' },
    level: 'fragile',
    rule: 'vital-cap',
    limiting: ['backup-restore-tested'],
    score: [95, 100],
    why: 'Tout semble en place, mais une sauvegarde que personne n’a vu restaurer n’est pas une sauvegarde sur laquelle compter : à vérifier auprès du prestataire avant de dire « solide ».',
  },
  {
    id: 'disk-sometimes-plugged',
    name: 'Le Pin, 1 800 hab., 6 PC : le disque de sauvegarde reste « parfois » branché',
    profile: { population: 1800, agents: 5, computers: 6, itProvider: true, hasServer: false },
    defaults: 'best',
    answers: { 'backup-offline-immutable': 'always-reachable' },
    level: 'fragile',
    rule: 'vital-cap',
    limiting: ['backup-offline-immutable'],
    score: [95, 100],
    why: 'Un disque débranché « la plupart du temps » sera branché le jour où le rançongiciel passe : sans copie hors d’atteinte, la commune reste à Fragile, quel que soit le reste.',
  },
  {
    id: 'windows-10-in-use',
    name: 'Beaulieu, 2 500 hab., 8 PC : deux postes encore sous Windows 10 sans extension',
    profile: { population: 2500, agents: 7, computers: 8, itProvider: true, hasServer: false },
    defaults: 'best',
    answers: { 'updates-unsupported': 'in-use' },
    level: 'fragile',
    rule: 'vital-cap',
    limiting: ['updates-unsupported'],
    score: [95, 100],
    why: 'Depuis le 14 octobre 2025, ces postes ne reçoivent plus de correctifs : chaque nouvelle faille y reste ouverte.',
  },
  {
    id: 'windows-10-planned',
    name: 'Beaulieu, les mêmes postes isolés, remplacement daté',
    profile: { population: 2500, agents: 7, computers: 8, itProvider: true, hasServer: false },
    defaults: 'best',
    answers: { 'updates-unsupported': 'isolated-planned' },
    level: 'fragile',
    rule: 'vital-cap',
    limiting: ['updates-unsupported'],
    score: [95, 100],
    why: 'Isoler et dater le remplacement réduit le risque et rapporte des points, mais le niveau ne remonte qu’une fois les postes remplacés.',
  },
  {
    id: 'well-kept-3000',
    name: 'Sainte-Croix, 3 000 hab., serveur, prestataire : bien tenue',
    profile: { population: 3000, agents: 8, computers: 10, itProvider: true, hasServer: true },
    defaults: 'best',
    answers: {
      'governance-elected-referent': 'interested',
      'awareness-elected': 'few',
      'continuity-crisis-team': 'known-unwritten',
      'email-domain-renewal': 'partly',
    },
    level: 'solid',
    rule: 'score',
    limiting: [],
    score: [90, 100],
    why: 'Les contrôles vitaux tiennent, le plan existe et il est à jour ; quelques points d’organisation à écrire n’empêchent pas « Solide ».',
  },
  {
    id: 'no-ransomware-protection',
    name: 'Sainte-Croix, la protection anti-rançongiciel de l’antivirus désactivée',
    profile: { population: 3000, agents: 8, computers: 10, itProvider: true, hasServer: true },
    defaults: 'best',
    answers: { 'antivirus-active': 'all-classic' },
    level: 'fragile',
    rule: 'vital-cap',
    limiting: ['antivirus-active'],
    score: [95, 100],
    why: 'Microsoft Defender est là, mais sa protection contre les rançongiciels est coupée : l’activer ne coûte rien et relève la commune d’un niveau.',
  },
  {
    id: 'inhouse-it-weak-accounts',
    name: 'Vallon, 5 000 hab., 40 PC, un informaticien interne : messagerie sans double authentification, mots de passe réutilisés',
    profile: { population: 5000, agents: 25, computers: 40, itProvider: false, hasServer: true },
    defaults: 'best',
    answers: { 'accounts-mfa-email': 'none', 'accounts-passwords': 'no-rule' },
    level: 'exposed',
    rule: 'critical-gaps',
    limiting: ['accounts-mfa-email', 'accounts-passwords'],
    score: [85, 100],
    why: 'Le score est bon, mais des mots de passe réutilisés sur une messagerie sans seconde preuve, c’est la porte de 30 % des incidents traités par l’ANSSI pour les collectivités en 2024 (66 compromissions de messagerie sur 218) : exposée, quel que soit le reste.',
  },
  {
    id: 'epci-vpn-no-mfa',
    name: 'Port-Vieux, 9 000 hab., service informatique de l’EPCI : VPN sans double authentification, double authentification sur une partie des boîtes',
    profile: { population: 9000, agents: 60, computers: 80, itProvider: true, hasServer: true },
    defaults: 'best',
    answers: { 'network-remote-access-mfa': 'vpn-no-mfa', 'accounts-mfa-email': 'some-mailboxes' },
    level: 'fragile',
    rule: 'vital-cap',
    limiting: ['network-remote-access-mfa', 'accounts-mfa-email'],
    score: [95, 100],
    why: 'À Gravelines, l’attaquant est entré par le VPN après des milliers d’essais de mots de passe : tant que le VPN et toutes les boîtes n’ont pas de seconde preuve, la commune est fragile, même à 98 sur 100.',
  },
  {
    id: 'epci-all-mfa',
    name: 'Port-Vieux, double authentification sur le VPN et sur toutes les boîtes',
    profile: { population: 9000, agents: 60, computers: 80, itProvider: true, hasServer: true },
    defaults: 'best',
    answers: { 'network-remote-access-mfa': 'vpn-mfa', 'continuity-exercise': 'older-or-briefing', 'awareness-regular': 'occasional' },
    level: 'solid',
    rule: 'score',
    limiting: [],
    score: [95, 100],
    why: 'Les contrôles vitaux tiennent tous ; un exercice de crise ancien et une sensibilisation irrégulière restent à améliorer, sans changer le niveau.',
  },
];

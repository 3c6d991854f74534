/**
 * The digest an EPCI summary is keyed on: what the summary and its row are made of (the answers, the profile, the
 * questionnaire version, the commune, the status and dates). A summary is valid for an audit while the audit's
 * digest is the one the summary was made with, and its pack's derivation key is the app's (summaryDerivationKey):
 * an audit's id and updatedAt come from files and may stay the same while the answers change.
 *
 * It runs on every audit an import writes (35,000 for all of France), so it builds no text: each field's characters
 * go straight into two 32-bit lanes of a multiply-xor hash (53 bits in the end, as cyrb53), and the answers, each
 * hashed on its own, are added up, so that their order does not matter and nothing is sorted. A change detector,
 * not a security measure: whoever forges a file chooses its answers anyway, and only that file's summary is at stake.
 */
import type { Answer, CommuneProfile } from '../audit/types';

/** The fields of an audit that its summary entry is made of. */
export interface DigestedAudit {
  questionnaireId: string;
  questionnaireVersion: number;
  communeId: string;
  status: string;
  updatedAt: string;
  completedAt: string | null;
  profile: CommuneProfile;
  answers: Readonly<Record<string, Answer | undefined>>;
}

const M1 = 2654435761;
const M2 = 1597334677;

/**
 * The two lanes of the hash being made. Held in an Int32Array: integers kept in module variables would be boxed
 * as heap numbers at every step (most lane values do not fit a small integer), which made the digest as slow as
 * the summary itself; the loops below work on local copies.
 */
const lanes = new Int32Array(2);

function start(): void {
  lanes[0] = 0xdeadbeef;
  lanes[1] = 0x41c6ce57;
}

/** A value outside the UTF-16 code units: closes a field, or stands for "je ne sais pas". */
function mix(value: number): void {
  lanes[0] = Math.imul((lanes[0] ?? 0) ^ value, M1);
  lanes[1] = Math.imul((lanes[1] ?? 0) ^ value, M2);
}

/** A field's characters, then its length above 0xFFFF: no two fields can run into each other. */
function feed(text: string): void {
  let h1 = lanes[0] ?? 0;
  let h2 = lanes[1] ?? 0;
  for (let i = 0; i < text.length; i += 1) {
    const c = text.charCodeAt(i);
    h1 = Math.imul(h1 ^ c, M1);
    h2 = Math.imul(h2 ^ c, M2);
  }
  lanes[0] = h1;
  lanes[1] = h2;
  mix(0x10000 + text.length);
}

/** The final avalanche of cyrb53: every bit of the lanes moves every bit of the result. */
function finish(): void {
  const h1 = lanes[0] ?? 0;
  const h2 = lanes[1] ?? 0;
  const a = Math.imul(h1 ^ (h1 >>> 16), 2246822507) ^ Math.imul(h2 ^ (h2 >>> 13), 3266489909);
  lanes[0] = a;
  lanes[1] = Math.imul(h2 ^ (h2 >>> 16), 2246822507) ^ Math.imul(a ^ (a >>> 13), 3266489909);
}

const DONT_KNOW = -1;

/**
 * The lanes after each question id, made once: the same few dozen ids come back in every audit, and hashing their
 * characters again was two thirds of the work. Emptied if a file brings too many ids to keep.
 */
const afterQuestionId = new Map<string, readonly [number, number]>();
const MAX_KEPT_IDS = 4_096;

function startWithQuestionId(questionId: string): void {
  const kept = afterQuestionId.get(questionId);
  if (kept) {
    lanes[0] = kept[0];
    lanes[1] = kept[1];
    return;
  }
  start();
  feed(questionId);
  if (afterQuestionId.size >= MAX_KEPT_IDS) afterQuestionId.clear();
  afterQuestionId.set(questionId, [lanes[0] ?? 0, lanes[1] ?? 0]);
}

export function summaryDigest(audit: DigestedAudit): string {
  // The answers as a set: each hashed alone (the time it was given left out: it changes no figure), then summed.
  let sum1 = 0;
  let sum2 = 0;
  let count = 0;
  for (const questionId of Object.keys(audit.answers)) {
    const answer = audit.answers[questionId];
    if (!answer) continue;
    startWithQuestionId(questionId);
    if (answer.kind === 'option') feed(answer.optionId);
    else mix(DONT_KNOW);
    finish();
    sum1 = (sum1 + (lanes[0] ?? 0)) | 0;
    sum2 = (sum2 + (lanes[1] ?? 0)) | 0;
    count += 1;
  }
  const { population, agents, computers, itProvider, hasServer } = audit.profile;
  start();
  feed(audit.questionnaireId);
  feed(String(audit.questionnaireVersion));
  feed(audit.communeId);
  feed(audit.status);
  feed(audit.updatedAt);
  if (audit.completedAt === null) mix(DONT_KNOW);
  else feed(audit.completedAt);
  feed(`${population},${agents},${computers},${itProvider ? 1 : 0},${hasServer ? 1 : 0}`);
  mix(count);
  mix(sum1);
  mix(sum2);
  finish();
  return (4294967296 * (2097151 & (lanes[1] ?? 0)) + ((lanes[0] ?? 0) >>> 0)).toString(36);
}

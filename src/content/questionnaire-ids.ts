/**
 * The question and option ids of every questionnaire version the app ships, for the import door. A few kilobytes
 * made at build time (build-plugins/questionnaire-ids.ts): the door knows version 1's ids without loading version 1,
 * and whoever imports this module (the import and export services) is never part of the first page.
 */
import tables from 'virtual:questionnaire-ids';
import { indexAnswerIds, type KnownAnswerIds } from '../domain/exchange/check-answer-ids';

export const KNOWN_ANSWER_IDS: KnownAnswerIds = indexAnswerIds(tables);

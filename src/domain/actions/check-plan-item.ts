/**
 * What a plan item's follow-up may hold, by the limits the import door applies (src/domain/limits.ts): a note,
 * an owner or a due date the door would refuse is refused as it is typed, so that no backup carries it.
 */
import { DUE_DATE_LIMITS, TEXT_LIMITS } from '../limits';

export type PlanItemProblem = 'owner-too-long' | 'note-too-long' | 'due-date-out-of-range';

/** A calendar date of four-digit year (a date input may give "62026-03-31"), checked to the day. */
const ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;
function isCalendarDate(value: string): boolean {
  const parts = ISO_DATE.exec(value);
  if (!parts) return false;
  const [, year, month, day] = parts.map(Number);
  const date = new Date(Date.UTC(year ?? 0, (month ?? 0) - 1, day ?? 0));
  return date.getUTCMonth() === (month ?? 0) - 1 && date.getUTCDate() === day;
}

export function planItemProblem(changes: { owner?: string | undefined; note?: string | undefined; dueDate?: string | undefined }): PlanItemProblem | null {
  if (changes.owner !== undefined && changes.owner.length > TEXT_LIMITS.owner) return 'owner-too-long';
  if (changes.note !== undefined && changes.note.length > TEXT_LIMITS.note) return 'note-too-long';
  const { dueDate } = changes;
  if (dueDate !== undefined && dueDate !== '') {
    if (!isCalendarDate(dueDate) || dueDate < DUE_DATE_LIMITS.min || dueDate > DUE_DATE_LIMITS.max) return 'due-date-out-of-range';
  }
  return null;
}

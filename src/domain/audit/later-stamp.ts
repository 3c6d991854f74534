/**
 * An audit's `updatedAt` after a change: now, or one millisecond after the previous stamp when the clock has not
 * moved past it (two changes in the same millisecond, a clock set back). Every change then gets a newer stamp,
 * which is what the import's "the newer copy wins" compares. The stamp never passes the last millisecond of 9999:
 * toISOString would write "+010000-…", which no import reads back.
 */
import { instantOf, isoOfInstant } from '../instant';

export function laterStamp(previous: string, now: Date): string {
  const before = instantOf(previous);
  if (Number.isNaN(before) || now.getTime() > before) return isoOfInstant(now.getTime());
  return isoOfInstant(before + 1);
}

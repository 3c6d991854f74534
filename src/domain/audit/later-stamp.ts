/**
 * An audit's `updatedAt` after a change: now, or one millisecond after the previous stamp when the clock has not
 * moved past it (two changes in the same millisecond, a clock set back). Every change then gets a newer stamp,
 * which is what the EPCI summaries' cache and the import's "the newer copy wins" compare.
 */
export function laterStamp(previous: string, now: Date): string {
  const before = Date.parse(previous);
  if (Number.isNaN(before) || now.getTime() > before) return now.toISOString();
  return new Date(before + 1).toISOString();
}

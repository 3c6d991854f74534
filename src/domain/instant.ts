/**
 * ISO date-times as instants. Two stamps are compared by the moment they name, never as text: "10:00+02:00" is
 * before "09:30Z", and text order only holds between stamps written alike (toISOString's 24 characters).
 */
import { MAX_INSTANT_MS, MIN_INSTANT_MS } from './limits';

/** The form the import door accepts (zod's z.iso.datetime({ offset: true })): seconds required, Z or ±HH:MM. */
const ISO_PARTS = /^(\d{4})-(\d\d)-(\d\d)T(\d\d):(\d\d):(\d\d)(?:\.(\d+))?(?:Z|([+-])(\d\d):(\d\d))$/;

/**
 * True for a stamp written as toISOString writes it (24 characters ending in Z), once it is known to be an ISO
 * date-time: the door's pattern then leaves no other form of that length (seconds and milliseconds, four-digit year).
 */
export const isCanonicalInstant = (iso: string): boolean => iso.length === 24 && iso.endsWith('Z');

/** Milliseconds since 1970 of an ISO date-time (fractions past the millisecond dropped), or NaN. */
export function instantOf(iso: string): number {
  // The app's own stamps: let the engine read them (the common case of a 35,000-audit import).
  if (isCanonicalInstant(iso)) return Date.parse(iso);
  const parts = ISO_PARTS.exec(iso);
  if (!parts) return Number.NaN;
  const [, year, month, day, hour, minute, second, fraction = '', sign, offsetHours = '0', offsetMinutes = '0'] = parts;
  const utc = Date.UTC(Number(year), Number(month) - 1, Number(day), Number(hour), Number(minute), Number(second), Number(fraction.slice(0, 3).padEnd(3, '0')));
  const offset = (Number(offsetHours) * 60 + Number(offsetMinutes)) * 60_000;
  // Date.UTC reads years 0–99 as 1900–1999; the door's pattern always gives four digits, which are kept here.
  const fixed = Number(year) < 100 ? new Date(utc).setUTCFullYear(Number(year)) : utc;
  return sign === '-' ? fixed + offset : sign === '+' ? fixed - offset : fixed;
}

/** Negative when `a` is earlier than `b`, positive when later, 0 at the same instant (NaN sorts first). */
export function compareInstants(a: string, b: string): number {
  if (isCanonicalInstant(a) && isCanonicalInstant(b)) return a < b ? -1 : a > b ? 1 : 0;
  const x = instantOf(a);
  const y = instantOf(b);
  if (Number.isNaN(x) || Number.isNaN(y)) return Number.isNaN(x) ? (Number.isNaN(y) ? 0 : -1) : 1;
  return x - y;
}

/** The instant as toISOString writes it, never past the year 9999 (toISOString would write "+010000-…"). */
export function isoOfInstant(ms: number): string {
  return new Date(Math.min(ms, MAX_INSTANT_MS)).toISOString();
}

/** The stamp as toISOString writes it (UTC, milliseconds), so that text order and the first ten characters are right. */
export function canonicalInstant(iso: string): string {
  if (isCanonicalInstant(iso)) return iso;
  const ms = instantOf(iso);
  return Number.isNaN(ms) ? iso : isoOfInstant(ms);
}

/**
 * The stamp as the app writes it, or null when it is no date-time or names an instant toISOString cannot write in
 * 24 characters (before the year 0, after 9999). What the import door stores: every stamp in the database is then
 * of one form, and text order, the order of the database's indexes, is instant order ("…T23:59:59+14:00" written as
 * it came would sort after a later "…T12:00:00.000Z" of the same day).
 */
export function storableInstant(iso: string): string | null {
  if (isCanonicalInstant(iso)) return iso;
  const ms = instantOf(iso);
  return ms >= MIN_INSTANT_MS && ms <= MAX_INSTANT_MS ? new Date(ms).toISOString() : null;
}

/**
 * The one set of limits on what a user types and what a file carries. The forms (maxLength, date min/max), the
 * repositories (before a write) and the import door (schema-v1) all read them from here, so the app never stores
 * what it would later refuse to read back.
 */

/** Longest free texts, in characters (before cleaning). */
export const TEXT_LIMITS = { communeName: 120, epciName: 200, auditor: 120, owner: 200, note: 5_000, appVersion: 40 } as const;

/** An INSEE code: five characters ("01001", "2A004"). */
export const INSEE_LENGTH = 5;

/**
 * The EPCI's mailbox account, as typed in its panel and as an encrypted backup carries it: a URL no browser
 * refuses (2,048 characters) and an e-mail address at its RFC 5321 maximum (254).
 */
export const MAILBOX_ACCOUNT_LIMITS = { serverUrl: 2048, email: 254 } as const;

/** Generous ceilings on a file's records: far above any real use, low enough that a hostile file cannot blow up memory. */
export const PAYLOAD_LIMITS = {
  communes: 100_000,
  audits: 500_000,
  planItems: 5_000_000,
  answersPerAudit: 2_000,
} as const;

/** The questionnaire versions a file may name. */
export const QUESTIONNAIRE_VERSIONS = { min: 1, max: 1_000_000 } as const;

/**
 * Longest ISO date-time accepted: "2026-11-25T10:00:00.123456789+02:00" is 35 characters. Without a bound, the
 * pattern's fractional seconds took megabytes of digits.
 */
export const DATE_TIME_MAX_LENGTH = 40;

/**
 * The range of a plan item's due date (ISO YYYY-MM-DD, compared as text: same length, so same order). A date
 * input lets a user type years such as 62026 or 275760; the file format, like toISOString, stops at 9999.
 */
export const DUE_DATE_LIMITS = { min: '2000-01-01', max: '9999-12-31' } as const;

/** The last instant a stamp may hold: toISOString writes "+010000-…" past it, which no import reads. */
export const MAX_INSTANT_MS = Date.UTC(9999, 11, 31, 23, 59, 59, 999);

/** The first instant a stamp may hold: toISOString writes "-000001-…" before it (Date.UTC would read year 0 as 1900). */
export const MIN_INSTANT_MS = new Date(0).setUTCFullYear(0, 0, 1);

/**
 * How far a record's date may lie after the file's exportedAt: the records and the export are stamped by the
 * same clock, so a few minutes cover a stamp taken by laterStamp just past the clock.
 */
export const EXPORT_DATE_TOLERANCE_MS = 10 * 60 * 1000;

/** How far a file's exportedAt may lie after this device's clock: clocks of two devices disagree, rarely by a day. */
export const DEVICE_CLOCK_TOLERANCE_MS = 24 * 60 * 60 * 1000;

/**
 * Every audit the database writes carries the digest of what its EPCI summary is made of (AuditRecord's
 * summaryDigest), computed here from the record being written: whatever the write (an answer, an import, a
 * restore, an upgrade, a write path added later), the digest is the record's own, never one a file or an older
 * copy of the record brought along. The EPCI view compares it with the digest each summary was made with.
 */
import type { DBCore, DBCoreMutateRequest, Middleware } from 'dexie';
import { summaryDigest } from '../domain/epci/summary-digest';
import type { AuditRecord } from './records';

/** A copy of the record with its digest: the caller's object is left as it was given. */
export const withSummaryDigest = (audit: AuditRecord): AuditRecord => ({ ...audit, summaryDigest: summaryDigest(audit) });

function stamped(request: DBCoreMutateRequest): DBCoreMutateRequest {
  if (request.type !== 'add' && request.type !== 'put') return request;
  return { ...request, values: (request.values as readonly AuditRecord[]).map(withSummaryDigest) };
}

export const summaryDigestMiddleware: Middleware<DBCore> = {
  stack: 'dbcore',
  name: 'summaryDigest',
  create: (down) => ({
    ...down,
    table: (name) => {
      const table = down.table(name);
      return name === 'audits' ? { ...table, mutate: (request) => table.mutate(stamped(request)) } : table;
    },
  }),
};

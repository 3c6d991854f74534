/** Turns the first zod issue into a short "path: code" detail for an 'invalid' import error. */
import type { z } from 'zod';

export function describeIssue(error: z.ZodError): string {
  const issue = error.issues[0];
  if (!issue) return '';
  const path = issue.path.map((part) => (typeof part === 'symbol' ? '?' : String(part))).join('.');
  const code = issue.code === 'custom' || issue.message.length <= 20 ? issue.message : issue.code;
  return path ? `${path}: ${code}` : code;
}

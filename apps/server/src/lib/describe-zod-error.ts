import type { PayloadIssue } from '@hitl/shared/errors';
import type { z } from 'zod';

/** The first few problems of a failed parse, with their paths, for an `invalid_payload` message. */
export function describeZodError(error: z.ZodError): string {
  return error.issues
    .slice(0, 5)
    .map((i) => `${i.path.join('.') || 'payload'}: ${i.message}`)
    .join('; ');
}

const ISSUES_SHOWN = 50;

/** Each problem with its place, for a form to show beside its field (symbols, which JSON has not, as text). */
export function zodIssues(
  issues: readonly { path: readonly PropertyKey[]; message: string }[],
): PayloadIssue[] {
  return issues.slice(0, ISSUES_SHOWN).map((issue) => ({
    path: issue.path.map((part) => (typeof part === 'number' ? part : String(part))),
    message: issue.message,
  }));
}

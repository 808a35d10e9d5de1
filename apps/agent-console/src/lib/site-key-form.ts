import type { PayloadIssue } from '@hitl/shared/errors';
import { originProblem, type SiteKey } from '@hitl/shared/site-keys';
import type { FieldErrors } from './rule-form';

/** A site key as its card edits it: the origins one per line. */
export type SiteKeyDraft = { key: string; name: string; greeting: string; origins: string };

export const draftOfSiteKey = (siteKey: SiteKey): SiteKeyDraft => ({
  key: siteKey.key,
  name: siteKey.name,
  greeting: siteKey.greeting,
  origins: siteKey.origins.join('\n'),
});

export const emptySiteKeyDraft = (): SiteKeyDraft => ({ key: '', name: '', greeting: '', origins: '' });

/** The values to send, or the problems by field; the server checks them again with the same rules. */
export function fromSiteKeyDraft(
  draft: SiteKeyDraft,
):
  | { ok: true; value: { key: string; name: string; greeting: string; origins: string[] } }
  | { ok: false; errors: FieldErrors } {
  const errors: FieldErrors = {};
  const key = draft.key.trim();
  if (!/^[A-Za-z0-9_-]{1,64}$/.test(key)) errors.key = 'Use 1–64 letters, digits, _ or -.';
  const name = draft.name.trim();
  if (!name) errors.name = 'Give a display name.';
  const greeting = draft.greeting.trim();
  if (!greeting) errors.greeting = 'Give a greeting.';
  const origins = draft.origins
    .split('\n')
    .map((line) => line.trim())
    .filter(Boolean);
  if (origins.length === 0) errors.origins = 'Give at least one allowed origin.';
  const bad = origins.findIndex((origin) => originProblem(origin) !== null);
  if (bad >= 0) errors.origins = `Line ${bad + 1}: ${originProblem(origins[bad] ?? '')}`;
  else if (new Set(origins).size !== origins.length) errors.origins = 'Each origin only once.';
  return Object.keys(errors).length > 0
    ? { ok: false, errors }
    : { ok: true, value: { key, name, greeting, origins } };
}

/** The server's issues by field: an origin's problem goes to the origins field with its line. */
export function siteKeyFieldErrors(issues: readonly PayloadIssue[]): FieldErrors {
  const errors: FieldErrors = {};
  for (const { path, message } of issues) {
    const [field, item] = path;
    if (typeof field !== 'string') continue;
    errors[field] = typeof item === 'number' ? `Line ${item + 1}: ${message}` : message;
  }
  return errors;
}

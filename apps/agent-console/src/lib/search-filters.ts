import type { ConversationSearchParams } from '@hitl/shared/conversation-search';
import type { ConversationState, EscalationSignal } from '@hitl/shared/models';

/** What the search form holds: every field a string, '' meaning "any". Dates are `YYYY-MM-DD` (local). */
export type SearchForm = {
  q: string;
  state: ConversationState | '';
  reason: EscalationSignal | '';
  topic: string;
  agentId: string;
  siteKey: string;
  fromDate: string;
  toDate: string;
};

export const emptySearchForm: SearchForm = {
  q: '',
  state: '',
  reason: '',
  topic: '',
  agentId: '',
  siteKey: '',
  fromDate: '',
  toDate: '',
};

/**
 * The query for the form: blank fields left out; the date range covers whole local days, the end day
 * included (`to` is the next midnight).
 */
export function toSearchParams(form: SearchForm, limit: number): ConversationSearchParams {
  const params: ConversationSearchParams = { limit };
  if (form.q.trim() !== '') params.q = form.q.trim();
  if (form.state !== '') params.state = form.state;
  if (form.reason !== '') params.reason = form.reason;
  if (form.topic !== '') params.topic = form.topic;
  if (form.agentId !== '') params.agentId = form.agentId;
  if (form.siteKey.trim() !== '') params.siteKey = form.siteKey.trim();
  const from = localMidnight(form.fromDate, 0);
  const to = localMidnight(form.toDate, 1);
  if (from) params.from = from;
  if (to) params.to = to;
  return params;
}

/** True when the form asks for something: an empty search would just list every conversation. */
export function isBlank(form: SearchForm): boolean {
  return Object.values(form).every((value) => value.trim() === '');
}

function localMidnight(date: string, addDays: number): string | null {
  const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(date);
  if (!match) return null;
  const day = new Date(Number(match[1]), Number(match[2]) - 1, Number(match[3]) + addDays);
  return Number.isNaN(day.getTime()) ? null : day.toISOString();
}

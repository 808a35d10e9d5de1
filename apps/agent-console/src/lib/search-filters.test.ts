import { conversationSearchQuerySchema } from '@hitl/shared/conversation-search';
import { describe, expect, it } from 'vitest';
import { emptySearchForm, isBlank, toSearchParams } from './search-filters';

describe('toSearchParams', () => {
  it('leaves out blank fields', () => {
    expect(toSearchParams({ ...emptySearchForm, q: '  ' }, 25)).toEqual({ limit: 25 });
  });

  it('passes every filter, trimmed, in a form the shared schema accepts', () => {
    const params = toSearchParams(
      {
        q: ' refund court ',
        state: 'queued',
        reason: 'topic_rule',
        topic: 'refunds',
        agentId: 'agent_ana',
        siteKey: ' demo ',
        fromDate: '2025-01-10',
        toDate: '2025-01-12',
      },
      10,
    );
    expect(params).toMatchObject({
      q: 'refund court',
      state: 'queued',
      reason: 'topic_rule',
      topic: 'refunds',
      agentId: 'agent_ana',
      siteKey: 'demo',
      limit: 10,
    });
    expect(new Date(params.from ?? '').getDate()).toBe(10);
    // The end day is included: the range ends at the next local midnight.
    expect(new Date(params.to ?? '').getDate()).toBe(13);
    expect(new Date(params.to ?? '').getHours()).toBe(0);
    expect(conversationSearchQuerySchema.safeParse(params).success).toBe(true);
  });

  it('ignores a date that is not a day', () => {
    expect(toSearchParams({ ...emptySearchForm, fromDate: 'soon' }, 5)).toEqual({ limit: 5 });
  });
});

describe('isBlank', () => {
  it.each([
    [emptySearchForm, true],
    [{ ...emptySearchForm, q: ' ' }, true],
    [{ ...emptySearchForm, state: 'bot' as const }, false],
  ])('%j → %s', (form, blank) => {
    expect(isBlank(form)).toBe(blank);
  });
});

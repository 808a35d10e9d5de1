import { type TimelineEvent, timelineResponseSchema } from '@hitl/shared/conversation-timeline';
import { fetchParsed } from './http';

export async function fetchTimeline(conversationId: string): Promise<TimelineEvent[]> {
  const path = `/api/conversations/${encodeURIComponent(conversationId)}/timeline`;
  return (await fetchParsed(timelineResponseSchema, path)).events;
}

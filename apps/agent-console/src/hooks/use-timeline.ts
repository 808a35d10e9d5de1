import type { TimelineEvent } from '@hitl/shared/conversation-timeline';
import type { Conversation } from '@hitl/shared/models';
import { useEffect, useState } from 'react';
import { errorMessage } from '../api/api-error';
import { fetchTimeline } from '../api/timeline';

/**
 * The open conversation's timeline, read again whenever the conversation changes (every event of it
 * comes with a change the console is told about live: a notice, a state, a reviewed draft).
 */
export function useTimeline(conversation: Conversation) {
  const [events, setEvents] = useState<TimelineEvent[] | null>(null);
  const [error, setError] = useState<string | null>(null);
  const { id, updatedAt, lastSeq } = conversation;

  useEffect(() => {
    let current = true;
    // Read again on every change of the conversation.
    void updatedAt;
    void lastSeq;
    fetchTimeline(id).then(
      (next) => {
        if (!current) return;
        setEvents(next);
        setError(null);
      },
      (failure: unknown) => current && setError(errorMessage(failure)),
    );
    return () => {
      current = false;
    };
  }, [id, updatedAt, lastSeq]);

  return { events, error };
}

import type { Message } from '@hitl/shared/models';
import { useCallback, useMemo, useState } from 'react';
import { type AgentSocket, requestWithRetry } from '../api/agent-socket';
import { errorMessage } from '../api/api-error';
import { nextReplyAnswersEscalation } from '../lib/answer-marking';

/**
 * Which reply is a training example is the agent's call: the composer's "this is the answer" box is on by
 * default only for the reply that directly follows the escalated question, and any own reply can be
 * marked or unmarked from the transcript. Marks are idempotent on the server, so a retry is safe.
 */
export function useAnswerMarking(
  socket: AgentSocket,
  messages: readonly Message[],
  addMessage: (message: Message) => void,
) {
  const byDefault = useMemo(() => nextReplyAnswersEscalation(messages), [messages]);
  // The agent's choice holds for the next reply only; after it the default applies again.
  const [choice, setChoice] = useState<boolean | null>(null);
  const [error, setError] = useState<string | null>(null);
  const markNext = choice ?? byDefault;

  const markAnswer = useCallback(
    async (message: Message, marked: boolean) => {
      setError(null);
      try {
        const result = await requestWithRetry(socket, 'answer:mark', { messageId: message.id, marked });
        addMessage(result.message);
      } catch (failure) {
        setError(
          `The reply was sent, but ${marked ? 'marking' : 'unmarking'} it failed: ${errorMessage(failure)}`,
        );
      }
    },
    [socket, addMessage],
  );

  /** After a reply is stored: mark it when the box was on. */
  const afterSend = useCallback(
    async (message: Message) => {
      const mark = markNext;
      setChoice(null);
      if (mark) await markAnswer(message, true);
    },
    [markNext, markAnswer],
  );

  return { markNext, setMarkNext: setChoice, markAnswer, afterSend, error };
}

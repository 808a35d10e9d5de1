import type { Message } from '@hitl/shared/models';
import { useState } from 'react';

type Props = { message: Message; onMark: (message: Message, marked: boolean) => Promise<void> };

/** On the agent's own reply: one click makes it (or stops it being) the answer kept for training. */
export function AnswerMarkButton({ message, onMark }: Props) {
  const [busy, setBusy] = useState(false);
  const marked = message.correctionId !== null;
  const toggle = async () => {
    setBusy(true);
    try {
      await onMark(message, !marked);
    } finally {
      setBusy(false);
    }
  };
  return (
    <div className="msg-actions">
      {marked && (
        <span className="tag tag-corrected" data-testid="answer-tag">
          Answer
        </span>
      )}
      <button
        type="button"
        className="link-button"
        data-testid="mark-answer"
        aria-pressed={marked}
        disabled={busy}
        onClick={() => void toggle()}
      >
        {marked ? 'Unmark as the answer' : 'Mark as the answer'}
      </button>
    </div>
  );
}

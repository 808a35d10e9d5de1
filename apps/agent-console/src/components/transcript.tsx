import type { CorrectionCreateInput } from '@hitl/shared/agent-events';
import type { Message } from '@hitl/shared/models';
import { type ComponentProps, useLayoutEffect, useRef } from 'react';
import type { DraftHandlers } from './draft-review';
import { MessageItem } from './message-item';

type Props = {
  messages: Message[];
  loading: boolean;
  onCorrect: (input: CorrectionCreateInput) => Promise<void>;
  draftHandlers: DraftHandlers;
  onRetryEmail: (message: Message) => Promise<void>;
  answerMarking?: ComponentProps<typeof MessageItem>['answerMarking'];
};

/** Pixels from the bottom within which the transcript keeps following new messages. */
const FOLLOW_THRESHOLD_PX = 120;

export function Transcript({
  messages,
  loading,
  onCorrect,
  draftHandlers,
  onRetryEmail,
  answerMarking,
}: Props) {
  const scroller = useRef<HTMLDivElement>(null);
  const following = useRef(true);
  const lastId = messages.at(-1)?.id;

  useLayoutEffect(() => {
    const element = scroller.current;
    if (element && lastId !== undefined && following.current) element.scrollTop = element.scrollHeight;
  }, [lastId]);

  const onScroll = () => {
    const element = scroller.current;
    if (!element) return;
    following.current = element.scrollHeight - element.scrollTop - element.clientHeight < FOLLOW_THRESHOLD_PX;
  };

  return (
    <div className="transcript-scroller" ref={scroller} onScroll={onScroll}>
      <ol className="transcript" data-testid="transcript">
        {messages.map((message) => (
          <MessageItem
            key={message.id}
            message={message}
            onCorrect={onCorrect}
            draftHandlers={draftHandlers}
            onRetryEmail={onRetryEmail}
            answerMarking={answerMarking}
          />
        ))}
      </ol>
      {messages.length === 0 && (
        <p className="transcript-empty">{loading ? 'Loading messages…' : 'No messages yet.'}</p>
      )}
    </div>
  );
}

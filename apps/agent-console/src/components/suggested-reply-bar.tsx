import type { Message } from '@hitl/shared/models';

/** The bot's withheld or drafted answer to the customer's last question, offered to start the reply from. */
export function SuggestedReplyBar({ suggestion, onUse }: { suggestion: Message; onUse: () => void }) {
  const label = suggestion.draft ? 'Draft waiting for review' : 'Reply the bot held back';
  return (
    <section className="suggested-reply" data-testid="suggested-reply" aria-label="Bot's suggested reply">
      <span className="suggested-reply-label">{label}</span>
      <span className="suggested-reply-text" title={suggestion.text}>
        {suggestion.text}
      </span>
      <button type="button" className="btn btn-ghost" data-testid="use-suggestion" onClick={onUse}>
        Use as reply
      </button>
    </section>
  );
}

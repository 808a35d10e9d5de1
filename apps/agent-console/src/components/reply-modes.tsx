export type ReplyMode = 'chat' | 'email';

const modes: { id: ReplyMode; label: string }[] = [
  { id: 'chat', label: 'Chat' },
  { id: 'email', label: 'Reply by e-mail' },
];

/** Chat in the widget, or answer the e-mail the customer left. */
export function ReplyModes({ mode, onMode }: { mode: ReplyMode; onMode: (mode: ReplyMode) => void }) {
  return (
    <div className="reply-modes">
      <div className="segmented" role="tablist" aria-label="Reply by">
        {modes.map(({ id, label }) => (
          <button
            key={id}
            type="button"
            role="tab"
            aria-selected={mode === id}
            data-testid={`reply-mode-${id}`}
            className={mode === id ? 'active' : undefined}
            onClick={() => onMode(id)}
          >
            {label}
          </button>
        ))}
      </div>
    </div>
  );
}

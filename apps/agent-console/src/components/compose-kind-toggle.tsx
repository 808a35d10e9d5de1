export type ComposeKind = 'reply' | 'note';

const kinds: { id: ComposeKind; label: string }[] = [
  { id: 'reply', label: 'Reply' },
  { id: 'note', label: 'Note' },
];

/** A reply goes to the customer; a note stays with the team. */
export function ComposeKindToggle({
  kind,
  onKind,
}: {
  kind: ComposeKind;
  onKind: (kind: ComposeKind) => void;
}) {
  return (
    <div className="segmented compose-kind" role="tablist" aria-label="Write a">
      {kinds.map(({ id, label }) => (
        <button
          key={id}
          type="button"
          role="tab"
          aria-selected={kind === id}
          data-testid={`compose-kind-${id}`}
          className={kind === id ? 'active' : undefined}
          onClick={() => onKind(id)}
        >
          {label}
        </button>
      ))}
    </div>
  );
}

import type { CannedCompletion } from '../hooks/use-canned-completion';

/** The list of canned responses matching the `/query` being typed, under the composer's text box. */
export function CannedMenu({ completion }: { completion: CannedCompletion }) {
  if (!completion.open) return null;
  return (
    <div
      id={completion.listId}
      className="canned-menu"
      role="listbox"
      aria-label="Canned responses"
      data-testid="canned-menu"
    >
      {completion.matches.map((canned, index) => (
        <div
          key={canned.id}
          id={completion.optionId(index)}
          role="option"
          tabIndex={-1}
          aria-selected={index === completion.active}
          className={index === completion.active ? 'canned-option active' : 'canned-option'}
          data-testid="canned-option"
          data-shortcut={canned.shortcut}
          // mousedown, not click: the text box keeps its focus and caret.
          onMouseDown={(event) => {
            event.preventDefault();
            completion.insert(canned);
          }}
          onMouseEnter={() => completion.setActive(index)}
        >
          <span className="canned-shortcut">/{canned.shortcut}</span>
          <span className="canned-title">{canned.title}</span>
          <span className="canned-preview">{canned.text}</span>
        </div>
      ))}
    </div>
  );
}

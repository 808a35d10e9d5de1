import { type KeyboardEvent, useEffect, useRef } from 'react';
import { bindings } from '../lib/keymap';
import './keyboard-help.css';

/**
 * The shortcuts, in a modal dialog: focus moves into it, Tab stays inside, Esc closes it, and focus goes
 * back to where it was.
 */
export function KeyboardHelp({ onClose }: { onClose: () => void }) {
  const dialog = useRef<HTMLDivElement>(null);

  useEffect(() => {
    const before = document.activeElement instanceof HTMLElement ? document.activeElement : null;
    dialog.current?.querySelector<HTMLElement>('button')?.focus();
    return () => before?.focus();
  }, []);

  const onKeyDown = (event: KeyboardEvent<HTMLDivElement>) => {
    if (event.key === 'Escape') {
      event.preventDefault();
      onClose();
      return;
    }
    if (event.key !== 'Tab' || !dialog.current) return;
    const focusable = [...dialog.current.querySelectorAll<HTMLElement>('button, [href], [tabindex="0"]')];
    const first = focusable[0];
    const last = focusable.at(-1);
    if (!first || !last) return;
    if (event.shiftKey && document.activeElement === first) {
      event.preventDefault();
      last.focus();
    } else if (!event.shiftKey && document.activeElement === last) {
      event.preventDefault();
      first.focus();
    }
  };

  return (
    // The backdrop closes on click like Esc; keyboard users have Esc and the Close button.
    <div className="dialog-backdrop" onClick={onClose}>
      <div
        ref={dialog}
        className="dialog keyboard-help"
        role="dialog"
        aria-modal="true"
        aria-labelledby="keyboard-help-title"
        data-testid="keyboard-help"
        onKeyDown={onKeyDown}
        onClick={(event) => event.stopPropagation()}
      >
        <div className="dialog-header">
          <h2 id="keyboard-help-title">Keyboard shortcuts</h2>
          <button type="button" className="btn btn-ghost" data-testid="keyboard-help-close" onClick={onClose}>
            Close
          </button>
        </div>
        <p className="muted">Single keys work outside text fields; Ctrl/⌘+Enter works while writing too.</p>
        <dl className="shortcut-list">
          {bindings.map((binding) => (
            <div key={binding.action} className="shortcut-row">
              <dt>
                {binding.keys.map((key, index) => (
                  <span key={key}>
                    {index > 0 && ' + '}
                    <kbd>{key}</kbd>
                  </span>
                ))}
              </dt>
              <dd>{binding.description}</dd>
            </div>
          ))}
          <div className="shortcut-row">
            <dt>
              <kbd>Esc</kbd>
            </dt>
            <dd>Close this help</dd>
          </div>
        </dl>
      </div>
    </div>
  );
}

import { useEffect, useRef } from 'react';
import { resolveShortcut, type ShortcutAction } from '../lib/keymap';

/**
 * Listens for the console's shortcuts on the whole page. The actions press the same buttons an agent
 * would (found by their test ids), so a shortcut can do only what the page offers at that moment: no claim
 * button, no claim.
 */
export function useShortcuts(handlers: {
  onHelp: () => void;
  onNextInQueue: () => void;
  onSearch: () => void;
}) {
  const latest = useRef(handlers);
  latest.current = handlers;

  useEffect(() => {
    const onKeyDown = (event: KeyboardEvent) => {
      // Handled already (the composer's own Enter), mid-composition (IME), or inside a dialog: not ours.
      if (event.defaultPrevented || event.isComposing) return;
      const target = event.target instanceof Element ? event.target : null;
      if (target?.closest('[role="dialog"]')) return;
      const action = resolveShortcut({
        key: event.key,
        ctrlKey: event.ctrlKey,
        metaKey: event.metaKey,
        altKey: event.altKey,
        typing: isTypingIn(target),
      });
      if (!action) return;
      if (run(action, latest.current)) event.preventDefault();
    };
    document.addEventListener('keydown', onKeyDown);
    return () => document.removeEventListener('keydown', onKeyDown);
  }, []);
}

function run(
  action: ShortcutAction,
  handlers: { onHelp: () => void; onNextInQueue: () => void; onSearch: () => void },
): boolean {
  switch (action) {
    case 'help':
      handlers.onHelp();
      return true;
    case 'next-in-queue':
      handlers.onNextInQueue();
      return true;
    case 'focus-search':
      handlers.onSearch();
      return true;
    case 'claim':
      return press('claim');
    case 'close':
      return press('close');
    case 'send':
      return press('reply-send');
    case 'focus-reply': {
      const input = document.querySelector<HTMLTextAreaElement>('[data-testid="reply-input"]:not(:disabled)');
      input?.focus();
      return input !== null;
    }
  }
}

function press(testId: string): boolean {
  const button = document.querySelector<HTMLButtonElement>(`[data-testid="${testId}"]:not(:disabled)`);
  button?.click();
  return button !== null;
}

function isTypingIn(element: Element | null): boolean {
  if (!element) return false;
  if (element instanceof HTMLElement && element.isContentEditable) return true;
  if (element instanceof HTMLTextAreaElement || element instanceof HTMLSelectElement) return true;
  // Checkboxes and buttons take no text: single keys stay shortcuts there.
  return (
    element instanceof HTMLInputElement && !['checkbox', 'radio', 'button', 'submit'].includes(element.type)
  );
}

/** Runs `act` on the element once it is rendered (after a route change), for a few frames at most. */
export function whenRendered<T extends Element>(
  selector: string,
  act: (element: T) => void,
  frames = 10,
): void {
  const element = document.querySelector<T>(selector);
  if (element) act(element);
  else if (frames > 0) requestAnimationFrame(() => whenRendered(selector, act, frames - 1));
}

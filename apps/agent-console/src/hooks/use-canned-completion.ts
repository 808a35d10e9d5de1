import type { CannedResponse } from '@hitl/shared/canned-responses';
import {
  type KeyboardEvent,
  type RefObject,
  useCallback,
  useId,
  useLayoutEffect,
  useMemo,
  useRef,
  useState,
} from 'react';
import { cannedMatches } from '../lib/canned-matches';
import { type CannedValues, fillCannedVariables } from '../lib/fill-canned-variables';
import { replaceSlashQuery, type SlashQuery, slashQueryAt } from '../lib/slash-query';

export interface CannedCompletion {
  open: boolean;
  matches: CannedResponse[];
  active: number;
  listId: string;
  optionId: (index: number) => string;
  /** Call with the text and caret after every change or caret move. */
  track: (text: string, caret: number) => void;
  insert: (choice: CannedResponse) => void;
  setActive: (index: number) => void;
  /** Handles the menu's keys; true when it did (the composer must not act on the key too). */
  onKeyDown: (event: KeyboardEvent<HTMLTextAreaElement>) => boolean;
}

/**
 * Typing `/` and letters in the composer offers the canned responses whose shortcut or title match:
 * arrows move, Enter or Tab insert (variables filled from the conversation), Escape closes the list until
 * the next `/`. The inserted text replaces the `/query`, and the caret lands after it.
 */
export function useCannedCompletion(
  canned: readonly CannedResponse[],
  values: CannedValues,
  text: string,
  setText: (text: string) => void,
  textarea: RefObject<HTMLTextAreaElement | null>,
): CannedCompletion {
  const [slash, setSlash] = useState<SlashQuery | null>(null);
  const [active, setActive] = useState(0);
  const [dismissedAt, setDismissedAt] = useState<number | null>(null);
  const pendingCaret = useRef<number | null>(null);
  const listId = useId();
  const matches = useMemo(() => (slash ? cannedMatches(canned, slash.query) : []), [canned, slash]);
  const open = slash !== null && dismissedAt !== slash.start && matches.length > 0;

  const track = useCallback((value: string, caret: number) => {
    const next = slashQueryAt(value, caret);
    setSlash((current) => {
      if (current?.start !== next?.start || current?.query !== next?.query) setActive(0);
      return next;
    });
    if (!next) setDismissedAt(null);
  }, []);

  const insert = (choice: CannedResponse) => {
    const element = textarea.current;
    if (!slash || !element) return;
    const result = replaceSlashQuery(
      text,
      element.selectionStart,
      slash,
      fillCannedVariables(choice.text, values),
    );
    setText(result.text);
    setSlash(null);
    pendingCaret.current = result.caret;
  };

  // The caret goes after the inserted text once React has put it in the box.
  useLayoutEffect(() => {
    const caret = pendingCaret.current;
    const element = textarea.current;
    if (caret === null || !element) return;
    pendingCaret.current = null;
    element.focus();
    element.setSelectionRange(caret, caret);
  });

  const onKeyDown = (event: KeyboardEvent<HTMLTextAreaElement>): boolean => {
    if (!open || !slash) return false;
    const count = matches.length;
    switch (event.key) {
      case 'ArrowDown':
        setActive((active + 1) % count);
        break;
      case 'ArrowUp':
        setActive((active - 1 + count) % count);
        break;
      case 'Enter':
      case 'Tab': {
        const choice = matches[active];
        if (choice) insert(choice);
        break;
      }
      case 'Escape':
        setDismissedAt(slash.start);
        break;
      default:
        return false;
    }
    event.preventDefault();
    return true;
  };

  return {
    open,
    matches,
    active,
    listId,
    optionId: (index) => `${listId}-option-${index}`,
    track,
    insert,
    setActive,
    onKeyDown,
  };
}

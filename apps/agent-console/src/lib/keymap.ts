export type ShortcutAction =
  | 'help'
  | 'next-in-queue'
  | 'claim'
  | 'close'
  | 'focus-search'
  | 'focus-reply'
  | 'send';

/** The parts of a keydown that decide the shortcut; `typing` is true in an input, textarea or select. */
export type KeyInput = {
  key: string;
  ctrlKey: boolean;
  metaKey: boolean;
  altKey: boolean;
  typing: boolean;
};

type Binding = {
  action: ShortcutAction;
  /** What the help overlay shows. */
  keys: string[];
  description: string;
  matches: (input: KeyInput) => boolean;
};

const plain = (key: string) => (input: KeyInput) =>
  input.key === key && !input.ctrlKey && !input.metaKey && !input.altKey && !input.typing;

/**
 * The console's shortcuts, in the order the help lists them. Single keys act only outside text fields, so
 * typing is never hijacked; the one exception is an explicit modifier combination (Ctrl/⌘+Enter).
 * Close needs Shift (capital X): it ends the conversation for the customer.
 */
export const bindings: readonly Binding[] = [
  {
    action: 'next-in-queue',
    keys: ['j'],
    description: 'Open the next conversation in the queue',
    matches: plain('j'),
  },
  {
    action: 'claim',
    keys: ['c'],
    description: 'Claim (or take over) the open conversation',
    matches: plain('c'),
  },
  { action: 'focus-reply', keys: ['r'], description: 'Write a reply', matches: plain('r') },
  {
    action: 'send',
    keys: ['Ctrl', 'Enter'],
    description: 'Send the reply (⌘+Enter on a Mac; Enter also sends while writing)',
    matches: (input) => input.key === 'Enter' && (input.ctrlKey || input.metaKey) && !input.altKey,
  },
  { action: 'close', keys: ['Shift', 'X'], description: 'Close the open conversation', matches: plain('X') },
  { action: 'focus-search', keys: ['/'], description: 'Search conversations', matches: plain('/') },
  { action: 'help', keys: ['?'], description: 'Show these shortcuts', matches: plain('?') },
];

export function resolveShortcut(input: KeyInput): ShortcutAction | null {
  return bindings.find((binding) => binding.matches(input))?.action ?? null;
}

/** Next in the queue after the open conversation (the first one when none of the queue is open). */
export function nextInQueue(queue: readonly { id: string }[], openId: string | null): string | null {
  if (queue.length === 0) return null;
  const at = queue.findIndex((conversation) => conversation.id === openId);
  return (queue[at + 1] ?? queue[0] ?? null)?.id ?? null;
}

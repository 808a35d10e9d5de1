import type { ConversationState } from './models';

/** What can happen to a conversation. */
export type ConversationEvent = 'escalate' | 'claim' | 'transfer' | 'hand_back' | 'unassign' | 'close';

/**
 * The state machine `bot → queued → agent → bot | closed`, plus `closed` from any open state.
 * An agent may also take over straight from `bot` (supervised mode). The server enforces it (every
 * transition is a compare-and-set on `from`) and the console reads it to offer only what can succeed.
 */
export const conversationTransitions: Record<
  ConversationEvent,
  { from: readonly ConversationState[]; to: ConversationState }
> = {
  escalate: { from: ['bot'], to: 'queued' },
  claim: { from: ['bot', 'queued'], to: 'agent' },
  /** The owner (or an admin) passes the conversation to another agent. */
  transfer: { from: ['agent'], to: 'agent' },
  hand_back: { from: ['agent'], to: 'bot' },
  /** The owner left (deactivated, or offline too long): the conversation waits in the queue for another person. */
  unassign: { from: ['agent'], to: 'queued' },
  close: { from: ['bot', 'queued', 'agent'], to: 'closed' },
};

export type TransitionResult =
  | { ok: true; state: ConversationState }
  | { ok: false; from: ConversationState };

export function nextState(state: ConversationState, event: ConversationEvent): TransitionResult {
  const rule = conversationTransitions[event];
  return rule.from.includes(state) ? { ok: true, state: rule.to } : { ok: false, from: state };
}

/** Whether `event` may happen to a conversation in `state`. */
export function canTransition(state: ConversationState, event: ConversationEvent): boolean {
  return conversationTransitions[event].from.includes(state);
}

/** States in which the bot may speak to the customer (never while a person has the conversation). */
export const botSpeakingStates: readonly ConversationState[] = ['bot'];

export function botMaySpeak(state: ConversationState): boolean {
  return botSpeakingStates.includes(state);
}

import type { ConversationState } from '@hitl/shared/models';

/** What can happen to a conversation. */
export type ConversationEvent = 'escalate' | 'claim' | 'hand_back' | 'unassign' | 'close';

/**
 * The state machine `bot → queued → agent → bot | closed`, plus `closed` from any open state.
 * An agent may also take over straight from `bot` (supervised mode).
 */
export const conversationTransitions: Record<
  ConversationEvent,
  { from: readonly ConversationState[]; to: ConversationState }
> = {
  escalate: { from: ['bot'], to: 'queued' },
  claim: { from: ['bot', 'queued'], to: 'agent' },
  hand_back: { from: ['agent'], to: 'bot' },
  /** The owner left (deactivated): the conversation waits in the queue for another person. */
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

/** States in which the bot may speak to the customer (never while a person has the conversation). */
export const botSpeakingStates: readonly ConversationState[] = ['bot'];

export function botMaySpeak(state: ConversationState): boolean {
  return botSpeakingStates.includes(state);
}

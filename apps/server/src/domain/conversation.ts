/** The state machine lives in the shared protocol, so the console offers exactly what the server allows. */
export {
  botMaySpeak,
  botSpeakingStates,
  type ConversationEvent,
  canTransition,
  conversationTransitions,
  nextState,
  type TransitionResult,
} from '@hitl/shared/conversation-rules';

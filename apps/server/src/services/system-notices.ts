import type { SystemNoticeKind } from '@hitl/shared/models';

/** What the customer reads for each system notice; `email` is the address a `contact_saved` names. */
export function noticeText(kind: SystemNoticeKind, agentName?: string, email?: string): string {
  switch (kind) {
    case 'escalated':
      return "I'm bringing in a person from our team. They'll reply here shortly.";
    case 'no_agent_online':
      return 'Our team is offline right now. Your conversation is in the queue and a person will reply here as soon as someone is available.';
    case 'agent_joined':
      return `${agentName ?? 'An agent'} joined the conversation.`;
    case 'handed_back':
      return "You're back with our assistant. Ask me anything.";
    case 'closed':
      return 'This conversation was closed. Write again any time to start a new one.';
    case 'reviewing':
      return 'A person from our team is reviewing the answer before it is sent.';
    case 'card_masked':
      return "For your safety we hid the card number you sent: please don't send card numbers in this chat. We never need one here.";
    case 'agent_left':
      return `${agentName ?? 'Your agent'} had to leave. You're back in the queue and another person will reply here shortly.`;
    case 'transferred':
      return `${agentName ?? 'Another person from our team'} has taken over the conversation.`;
    case 'contact_saved':
      return `Thanks — we'll reply to ${email ?? 'your e-mail'} as soon as someone is available.`;
  }
}
